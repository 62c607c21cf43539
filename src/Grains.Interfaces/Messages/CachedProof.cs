using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

/// <summary>
/// A decided obligation, keyed by its content hash and the solver versions. A refutation keeps the model,
/// not the assignment, so each theorem that hits the cache re-checks it against its own variables.
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.CachedProof")]
public sealed record CachedProof(
    [property: Id(0)] ObligationStatus Status,
    [property: Id(1)] string Solver,
    [property: Id(2)] IReadOnlyList<CachedModelValue> Model,
    [property: Id(3)] IReadOnlyList<string> UnsatCore,
    [property: Id(4)] string? Reason);

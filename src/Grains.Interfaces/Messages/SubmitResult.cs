using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

[GenerateSerializer, Immutable, Alias("hms.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] SubmitOutcome Outcome,
    [property: Id(1)] string TheoremId,
    [property: Id(2)] TheoremStatus Status,
    [property: Id(3)] string? Message);

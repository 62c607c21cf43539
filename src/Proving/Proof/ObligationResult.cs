using Hms.Proving.Obligations;

namespace Hms.Proving.Proof;

/// <summary>What became of one obligation, and how.</summary>
public sealed record ObligationResult(
    string ObligationId,
    ObligationKind Kind,
    string Description,
    ObligationStatus Status,
    string? Strategy,
    TimeSpan Elapsed,
    Counterexample? Counterexample,
    IReadOnlyList<int> AssumptionsUsed,
    string? Reason,
    string ContentHash);

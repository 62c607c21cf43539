using Hms.Proving.Obligations;
using Hms.Proving.Solvers;

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
    string ContentHash)
{
    /// <summary>The solver's model behind a refutation, so a cache can re-check it for another theorem.</summary>
    public IReadOnlyDictionary<string, ModelValue>? Model { get; init; }

    /// <summary>The unsat core's assertion names behind a proof (content-derived, valid across theorems).</summary>
    public IReadOnlyList<string> UnsatCore { get; init; } = [];

    /// <summary>The silo whose solvers decided it (service runs); null in-process or from the cache.</summary>
    public string? Silo { get; init; }
}

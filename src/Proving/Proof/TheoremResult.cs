using Hms.Proving.Compiling;

namespace Hms.Proving.Proof;

/// <summary>The verdict on a theorem, combined from its obligations.</summary>
public sealed record TheoremResult(
    string TheoremId,
    TheoremStatus Status,
    Complexity? Complexity,
    IReadOnlyList<ObligationResult> Obligations,
    Counterexample? Counterexample,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> AssumptionsUsed,
    string? Error,
    TimeSpan Elapsed)
{
    /// <summary>The solvers that decided obligations, e.g. "z3", "cvc5", "cache".</summary>
    public IReadOnlyList<string> Strategies =>
        Obligations.Select(o => o.Strategy).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

namespace Hms.Benchmarks;

/// <summary>
/// One small obligation of the kind the compiler emits: declarations, named assumptions, the negated claim.
/// The expected verdict is known so that every mode is checked, not just timed: a fast wrong answer is no result.
/// </summary>
/// <param name="Script">Declarations and assertions only; each mode adds its own check-sat and follow-up.</param>
/// <param name="ModelVariables">Fetched with get-value when the goal is sat, as a counterexample would be.</param>
/// <param name="ExpectSat">True: the claim is false and the solver must find a model; false: unsat with a core.</param>
internal sealed record BenchGoal(int Index, string Family, string Script, IReadOnlyList<string> ModelVariables, bool ExpectSat)
{
    /// <summary>Unsat goals ask for the core, as obligations with named assumptions do.</summary>
    public bool WantUnsatCore => !ExpectSat;
}

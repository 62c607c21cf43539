namespace Hms.Proving.Solvers;

/// <summary>How a portfolio picks its answer from the solvers' results; pure, so it is tested on its own.</summary>
internal static class PortfolioVerdict
{
    /// <param name="first">The result that arrived first.</param>
    /// <param name="second">The other one (possibly a cancelled loser).</param>
    public static PortfolioResult Decide(SolverResult first, SolverResult second)
    {
        IReadOnlyList<SolverResult> all = first.Solver <= second.Solver ? [first, second] : [second, first];

        if (first.IsDecisive && second.IsDecisive && first.Status != second.Status)
        {
            // Two trusted answers that contradict each other mean a solver bug or a malformed goal.
            var reason = string.Join(", ", all.Select(r => $"{Name(r.Solver)} says {Verdict(r.Status)}"));
            var elapsed = first.Elapsed > second.Elapsed ? first.Elapsed : second.Elapsed;
            return new(SolverResult.Error(first.Solver, elapsed, reason), all);
        }
        if (first.IsDecisive) return new(first, all);
        if (second.IsDecisive) return new(second, all);

        // Neither settled it: an error says more than a shrug, and the user sees both solvers' reasons.
        var chosen = second.Status == SolverStatus.Error && first.Status != SolverStatus.Error ? second : first;
        var reasons = string.Join("; ", all.Select(Labelled));
        return new(chosen with { Reason = reasons }, all);
    }

    // "z3 error: ..." already says who; "timeout after 1 s" does not.
    private static string Labelled(SolverResult result)
    {
        var reason = result.Reason ?? Verdict(result.Status);
        var name = Name(result.Solver);
        return reason.StartsWith(name + " ", StringComparison.Ordinal) ? reason : $"{name}: {reason}";
    }

    private static string Name(SolverKind kind) => SolverDialect.For(kind).Name;

    private static string Verdict(SolverStatus status) => status.ToString().ToLowerInvariant();
}

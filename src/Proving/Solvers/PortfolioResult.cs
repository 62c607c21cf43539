namespace Hms.Proving.Solvers;

/// <summary>The answer chosen from a portfolio run, and every solver's own answer.</summary>
/// <param name="Winner">The first decisive answer; otherwise the most informative one, with all reasons combined.</param>
/// <param name="All">Each solver's result, a cancelled loser included (Unknown, "cancelled: ...").</param>
public sealed record PortfolioResult(SolverResult Winner, IReadOnlyList<SolverResult> All);

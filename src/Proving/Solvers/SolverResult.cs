namespace Hms.Proving.Solvers;

/// <summary>What one solver said about one goal.</summary>
/// <param name="Elapsed">Time from leaving the queue to the answer (queue wait excluded).</param>
/// <param name="Model">Values of the requested variables on <see cref="SolverStatus.Sat"/>, else null.</param>
/// <param name="UnsatCore">Names of the named assertions in the core on unsat when asked for, else null.</param>
/// <param name="Reason">Why the answer is Unknown or Error, e.g. "timeout after 10 s"; null for verdicts.</param>
public sealed record SolverResult(
    SolverKind Solver,
    SolverStatus Status,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, ModelValue>? Model,
    IReadOnlyList<string>? UnsatCore,
    string? Reason)
{
    /// <summary>Sat or Unsat: an answer that settles the goal.</summary>
    public bool IsDecisive => Status is SolverStatus.Sat or SolverStatus.Unsat;

    internal static SolverResult Unknown(SolverKind solver, TimeSpan elapsed, string reason) =>
        new(solver, SolverStatus.Unknown, elapsed, null, null, reason);

    internal static SolverResult Error(SolverKind solver, TimeSpan elapsed, string reason) =>
        new(solver, SolverStatus.Error, elapsed, null, null, reason);
}

using Hms.Proving.Solvers;

namespace Hms.Proving.Proof;

/// <summary>One solver's answer to an obligation after its model, if any, was re-checked.</summary>
internal sealed record SolverAttempt(SolverKind Solver, ObligationStatus Status, TimeSpan Elapsed,
    Counterexample? Counterexample, IReadOnlyList<string> UnsatCore, string? Reason)
{
    public IReadOnlyDictionary<string, ModelValue>? Model { get; init; }

    public bool IsDecisive => Status is ObligationStatus.Proved or ObligationStatus.Disproved;
    public string SolverName => Solver.ToName();
}

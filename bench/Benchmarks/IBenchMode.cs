using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>One way of getting a batch of goals answered: through the pool, a process per goal, or one long script.</summary>
internal interface IBenchMode
{
    /// <summary>"pool", "spawn" or "raw", as in the report.</summary>
    string Name { get; }

    Task<RunSample> RunAsync(SolverKind kind, IReadOnlyList<BenchGoal> goals, int concurrency, CancellationToken cancellationToken);
}

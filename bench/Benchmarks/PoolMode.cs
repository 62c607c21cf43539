using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>
/// The goals through <see cref="SolverPool"/>, exactly as the prover sends obligations. One pool per solver lives
/// for the whole run, so after the warm-up every goal finds a warm process: that steady state is what is measured.
/// </summary>
internal sealed class PoolMode(int maxConcurrency, TimeSpan timeout) : IBenchMode, IAsyncDisposable
{
    private readonly Dictionary<SolverKind, SolverPool> _pools = [];

    public string Name => "pool";

    public IReadOnlyDictionary<SolverKind, SolverPool> Pools => _pools;

    public Task<RunSample> RunAsync(SolverKind kind, IReadOnlyList<BenchGoal> goals, int concurrency, CancellationToken cancellationToken)
    {
        var pool = PoolFor(kind);
        return TimedBatch.RunAsync(goals, concurrency, async (goal, ct) =>
        {
            var request = new SolverRequest(goal.Script, timeout, goal.ModelVariables, WantUnsatCore: goal.WantUnsatCore);
            var result = await pool.SolveAsync(kind, request, ct).ConfigureAwait(false);
            return AnswerCheck.Check(goal, result);
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values)
            await pool.DisposeAsync().ConfigureAwait(false);
        _pools.Clear();
    }

    private SolverPool PoolFor(SolverKind kind)
    {
        if (!_pools.TryGetValue(kind, out var pool))
        {
            // Defaults otherwise (memory limit via prlimit included): the benchmark measures the pool as shipped.
            pool = new SolverPool(new SolverPoolOptions { MaxConcurrency = maxConcurrency, MaxIdlePerKind = maxConcurrency });
            _pools[kind] = pool;
        }
        return pool;
    }
}

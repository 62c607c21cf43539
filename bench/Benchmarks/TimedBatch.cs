using System.Diagnostics;

namespace Hms.Benchmarks;

/// <summary>Runs a batch through a per-goal function with bounded concurrency, timing each goal and the whole.</summary>
internal static class TimedBatch
{
    /// <param name="solve">Solves one goal; returns null when the answer was right, else what was wrong.</param>
    public static async Task<RunSample> RunAsync(IReadOnlyList<BenchGoal> goals, int concurrency,
        Func<BenchGoal, CancellationToken, Task<string?>> solve, CancellationToken cancellationToken)
    {
        var goalMs = new double[goals.Count];
        var failures = new string?[goals.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        var wall = Stopwatch.StartNew();
        // Bounding here rather than in the pool's own gate keeps queueing out of every mode's per-goal time alike.
        await Parallel.ForEachAsync(Enumerable.Range(0, goals.Count), options, async (i, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            string? failure;
            try
            {
                failure = await solve(goals[i], ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = $"goal {goals[i].Index}: {e.GetType().Name}: {e.Message}";
            }
            goalMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            failures[i] = failure;
        }).ConfigureAwait(false);
        wall.Stop();
        return new RunSample(wall.Elapsed, goalMs, failures.OfType<string>().ToList());
    }
}

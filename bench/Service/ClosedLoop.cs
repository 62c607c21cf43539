using System.Diagnostics;

namespace Hms.Service.Bench;

/// <summary>
/// The load every pass of the benchmark applies: <c>concurrency</c> workers, each taking the next item as soon as
/// its last one is done (a closed loop, so the in-flight count stays fixed), until every item has run once.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Runs <paramref name="one"/> for each index 0..count-1; returns the wall time from the first start to the last end.</summary>
    public static async Task<TimeSpan> RunAsync(int count, int concurrency, Func<int, Task> one)
    {
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await one(i);
        }));
        return wall.Elapsed;
    }
}

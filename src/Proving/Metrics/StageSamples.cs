namespace Hms.Proving.Metrics;

/// <summary>
/// One stage's recent durations: exact count and sum per second (<see cref="WindowSums"/>) and the newest
/// samples for percentiles, in a ring of bounded size. Thread-safe.
/// </summary>
internal sealed class StageSamples(int windowSeconds, int capacity)
{
    private readonly object gate = new();
    private readonly WindowSums sums = new(windowSeconds);
    private readonly long[] at = new long[capacity];
    private readonly double[] values = new double[capacity];
    private int next;
    private int filled;

    public void Add(long nowTicks, long nowSecond, double seconds)
    {
        lock (gate)
        {
            sums.Add(nowSecond, 1, seconds);
            at[next] = nowTicks;
            values[next] = seconds;
            next = (next + 1) % capacity;
            filled = Math.Min(filled + 1, capacity);
        }
    }

    public StageLatency Summarize(Stage stage, long nowTicks, long nowSecond, int window, long windowTicks)
    {
        double[] recent;
        long count;
        double sum;
        lock (gate)
        {
            (count, sum) = sums.Total(nowSecond, window);
            var kept = new List<double>(filled);
            for (var i = 0; i < filled; i++)
            {
                if (nowTicks - at[i] < windowTicks) kept.Add(values[i]);
            }
            recent = [.. kept];
        }
        Array.Sort(recent);
        return new StageLatency(stage, count, Percentile(recent, 0.50), Percentile(recent, 0.90), Percentile(recent, 0.99),
            count == 0 ? 0 : sum / count, sum);
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="p"/> of the samples at or below it.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

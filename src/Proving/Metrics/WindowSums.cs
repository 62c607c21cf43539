namespace Hms.Proving.Metrics;

/// <summary>
/// Counts and sums of the last N seconds, one bucket per second: exact totals over a sliding window at a
/// fixed cost, however many measurements arrive. Not thread-safe; the owner locks.
/// </summary>
internal sealed class WindowSums(int seconds)
{
    private readonly long[] second = Enumerable.Repeat(long.MinValue, seconds).ToArray();
    private readonly long[] counts = new long[seconds];
    private readonly double[] sums = new double[seconds];

    public void Add(long now, long count, double sum)
    {
        var i = (int)(now % seconds);
        if (second[i] != now)
        {
            second[i] = now;
            counts[i] = 0;
            sums[i] = 0;
        }
        counts[i] += count;
        sums[i] += sum;
    }

    /// <summary>Totals of the buckets of the last <paramref name="window"/> seconds, this one included.</summary>
    public (long Count, double Sum) Total(long now, int window)
    {
        long count = 0;
        double sum = 0;
        for (var i = 0; i < seconds; i++)
        {
            if (second[i] > now - window && second[i] <= now)
            {
                count += counts[i];
                sum += sums[i];
            }
        }
        return (count, sum);
    }
}

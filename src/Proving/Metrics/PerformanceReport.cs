namespace Hms.Proving.Metrics;

/// <summary>Latency of one stage over the window, in seconds.</summary>
/// <param name="Total">The time all its measurements took together: what the bottleneck is judged by.</param>
public sealed record StageLatency(Stage Stage, long Count, double P50, double P90, double P99, double Mean, double Total);

/// <summary>What <see cref="PerformanceRecorder"/> saw over its recent window.</summary>
/// <param name="Window">The window asked for.</param>
/// <param name="Measured">The part of it the recorder was running (shorter just after the start): rates divide by this.</param>
public sealed record PerformanceReport(
    TimeSpan Window,
    TimeSpan Measured,
    IReadOnlyList<StageLatency> Stages,
    long TheoremsCompleted,
    long ObligationsCompleted,
    double TheoremsPerSecond,
    double ObligationsPerSecond,
    long BusySlots,
    long Slots,
    long QueueLength,
    long CacheHits,
    long CacheLookups,
    Stage? Bottleneck,
    string Explanation)
{
    /// <summary>Busy slots over slots, 0 without a solver pool.</summary>
    public double Utilisation => Slots == 0 ? 0 : (double)BusySlots / Slots;

    /// <summary>Hits over lookups, 0 without lookups.</summary>
    public double CacheHitRate => CacheLookups == 0 ? 0 : (double)CacheHits / CacheLookups;
}

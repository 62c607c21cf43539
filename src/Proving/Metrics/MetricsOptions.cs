namespace Hms.Proving.Metrics;

/// <summary>How much of the recent past the performance report looks at (configuration: Hms:Metrics).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Hms:Metrics";

    /// <summary>The report's window: measurements older than this are forgotten (seconds, 1 to 3600).</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>
    /// Durations kept per stage for the percentiles (the newest; counts and means stay exact past it), so a busy
    /// window costs bounded memory: 16 bytes a sample, 1 to 1,000,000.
    /// </summary>
    public int MaxSamplesPerStage { get; set; } = 50_000;

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem() =>
        WindowSeconds is < 1 or > 3600 ? $"Hms:Metrics:WindowSeconds must be between 1 and 3600, not {WindowSeconds}"
        : MaxSamplesPerStage is < 1 or > 1_000_000 ? $"Hms:Metrics:MaxSamplesPerStage must be between 1 and 1000000, not {MaxSamplesPerStage}"
        : null;
}

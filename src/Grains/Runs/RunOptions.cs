namespace Hms.Grains.Runs;

/// <summary>
/// How runs of theorems are owned and handed over in a cluster (<c>Hms:Cluster</c>): a run's lease, the drain
/// of a stopping silo, how often silos read each other's solver load. Validated at start.
/// </summary>
public sealed class RunOptions
{
    public const string Section = "Hms:Cluster";

    /// <summary>A run not heard from (reports or heartbeats) for this long is restarted elsewhere; 3 to 3600.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How long a stopping silo lets its runs finish before handing them back; 0 to 600.</summary>
    public int DrainSeconds { get; set; } = 20;

    /// <summary>How often a silo reads the other silos' solver load; 50 to 60000.</summary>
    public int LoadRefreshMilliseconds { get; set; } = 500;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Drain => TimeSpan.FromSeconds(DrainSeconds);

    public TimeSpan LoadRefresh => TimeSpan.FromMilliseconds(LoadRefreshMilliseconds);

    /// <summary>The first setting out of range, as a message naming it; null when all are fine.</summary>
    public string? Problem() =>
        LeaseSeconds is < 3 or > 3600 ? $"{Section}:LeaseSeconds is {LeaseSeconds}; it must be 3 to 3600"
        : DrainSeconds is < 0 or > 600 ? $"{Section}:DrainSeconds is {DrainSeconds}; it must be 0 to 600"
        : LoadRefreshMilliseconds is < 50 or > 60000 ? $"{Section}:LoadRefreshMilliseconds is {LoadRefreshMilliseconds}; it must be 50 to 60000"
        : null;
}

namespace Hms.Service.Bench;

/// <summary>One concurrency level of one storage: every theorem's timing, the wall time, and what went wrong.</summary>
internal sealed record ServiceSample(
    string Storage,
    int Concurrency,
    TimeSpan Wall,
    IReadOnlyList<TheoremTiming> Theorems,
    IReadOnlyList<string> Failures,
    double RssMiB)
{
    public double PerSecond => Theorems.Count / Wall.TotalSeconds;
}

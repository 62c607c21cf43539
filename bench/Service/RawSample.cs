namespace Hms.Service.Bench;

/// <summary>The raw baseline at one concurrency level: wall time and each theorem's time (both its goals).</summary>
internal sealed record RawSample(TimeSpan Wall, IReadOnlyList<double> TheoremMs, IReadOnlyList<string> Failures, int Goals)
{
    public double PerSecond => TheoremMs.Count / Wall.TotalSeconds;
}

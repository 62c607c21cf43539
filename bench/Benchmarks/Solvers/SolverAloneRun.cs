namespace Hms.Benchmarks.Solvers;

/// <summary>One way of deciding one theorem: how long it took and what it said.</summary>
/// <param name="Verdict">"proved", "disproved", or "unknown"/"error"/... when undecided.</param>
internal sealed record SolverRun(double Milliseconds, string Verdict)
{
    public bool Decided => Verdict is "proved" or "disproved";
}

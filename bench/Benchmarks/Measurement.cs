using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>All timed passes of one mode for one solver at one concurrency, and what they add up to.</summary>
internal sealed class Measurement(SolverKind solver, int concurrency, string mode)
{
    private readonly List<RunSample> _samples = [];

    public SolverKind Solver { get; } = solver;
    public int Concurrency { get; } = concurrency;
    public string Mode { get; } = mode;

    public IReadOnlyList<RunSample> Samples => _samples;

    public void Add(RunSample sample) => _samples.Add(sample);

    /// <summary>Wall time per goal, median over the passes: the figure the ratios are taken from.</summary>
    public double WallPerGoalMedianMs => Percentiles.Median(_samples.Select(s => s.WallPerGoalMs));

    /// <summary>Wall time per goal of the fastest pass: the least disturbed by the rest of the machine.</summary>
    public double WallPerGoalBestMs => _samples.Count == 0 ? double.NaN : _samples.Min(s => s.WallPerGoalMs);

    /// <summary>A single goal's own time, median over every goal of every pass.</summary>
    public double GoalMedianMs => Percentiles.Median(_samples.SelectMany(s => s.GoalMs));

    public double GoalMeanMs => _samples.Count == 0 ? double.NaN : _samples.SelectMany(s => s.GoalMs).Average();

    public IEnumerable<string> Failures => _samples.SelectMany(s => s.Failures);
}

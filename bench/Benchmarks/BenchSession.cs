using System.Globalization;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>
/// Runs every mode on the same goals in one process and one sitting, so that the ratios compare like with like.
/// Passes are interleaved (pass 1 of every mode, then pass 2, ...) with the mode order rotating, so a slow
/// spell of the machine lands on all modes rather than on one.
/// </summary>
internal sealed class BenchSession(BenchOptions options, IReadOnlyList<BenchGoal> goals, IReadOnlyList<IBenchMode> modes, TextWriter progress)
{
    public IReadOnlyList<int> Concurrencies { get; } = options.Concurrency == 1 ? [1] : [1, options.Concurrency];

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement>();
        var warmup = goals.Take(Math.Min(options.Warmup, goals.Count)).ToList();
        foreach (var solver in options.Solvers)
        {
            var cells = Concurrencies
                .SelectMany(c => modes.Select(m => (Mode: m, Measurement: new Measurement(solver, c, m.Name))))
                .ToList();
            measurements.AddRange(cells.Select(c => c.Measurement));

            // Untimed: JIT, the disk cache of the solver binaries, and the pool's warm processes (as many as the
            // highest concurrency needs) all settle here.
            if (warmup.Count > 0)
            {
                foreach (var (mode, measurement) in cells)
                {
                    var sample = await mode.RunAsync(solver, warmup, measurement.Concurrency, cancellationToken).ConfigureAwait(false);
                    Report(measurement, "warm-up", sample);
                }
            }

            for (var pass = 0; pass < options.Repetitions; pass++)
            {
                foreach (var concurrency in Concurrencies)
                {
                    var row = cells.Where(c => c.Measurement.Concurrency == concurrency).ToList();
                    for (var k = 0; k < row.Count; k++)
                    {
                        var (mode, measurement) = row[(k + pass) % row.Count];
                        var sample = await mode.RunAsync(solver, goals, concurrency, cancellationToken).ConfigureAwait(false);
                        measurement.Add(sample);
                        Report(measurement, $"pass {pass + 1}/{options.Repetitions}", sample);
                    }
                }
            }
        }
        return measurements;
    }

    private void Report(Measurement measurement, string what, RunSample sample)
    {
        var failed = sample.Failures.Count == 0 ? "" : $", {sample.Failures.Count} WRONG (first: {sample.Failures[0]})";
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hms-bench: {SolverScripts.Name(measurement.Solver),-4} {measurement.Mode,-5} x{measurement.Concurrency} {what}: " +
            $"{sample.WallPerGoalMs:0.00} ms/goal over {sample.GoalMs.Count} goals{failed}"));
    }
}

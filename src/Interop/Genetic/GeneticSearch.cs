using System.Diagnostics;
using System.Globalization;
using Hms.Interop.Bridge;
using Hms.Proving.Compiling;
using Hms.Proving.Search;

namespace Hms.Interop.Genetic;

/// <summary>
/// A genetic counterexample search for infix theorems: the core compiles the theorem into a
/// <see cref="SearchProgram"/>, Python evolves a population held in shared memory (hms_bridge.ga, vectorised with
/// NumPy) in slices of generations, and after each slice the best individuals are snapped to simple rationals
/// and checked exactly by the core. Only a confirmed point is reported as a validated counterexample; a point
/// that only floating point can judge (sqrt, exp, log) is numeric evidence. Cancellation is honoured between
/// slices (a slice is a few milliseconds).
/// </summary>
public sealed class GeneticSearch(PythonBridge bridge)
{
    public async Task<GeneticOutcome> SearchAsync(CompiledTheorem theorem, GeneticOptions options,
        IProgress<GeneticProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(theorem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var program = SearchProgram.Compile(theorem, cancellationToken);
        if (!program.Supported)
            return new GeneticOutcome(SearchStatus.Unsupported, null, null, $"genetic search not applicable: {program.Reason}", 0, 0, double.NaN, clock.Elapsed);

        var json = program.ToJson();
        var judge = new CandidateJudge(program);
        var columns = program.SearchedCount;
        var width = program.OutputWidth;
        // At least one element each: a theorem without searched variables still has a (0-column) population.
        using var population = bridge.Buffers.Rent(Math.Max(sizeof(double), options.PopulationSize * columns * sizeof(double)));
        using var output = bridge.Buffers.Rent(options.CandidateRows * width * sizeof(double));

        var generation = 0;
        long evaluations = 0;
        var best = double.PositiveInfinity;
        var stopAt = 0.0;
        int? slicesLeft = null;
        // At least one slice, so that even MaxGenerations = 0 judges the initial population.
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = options.TimeBudget - clock.Elapsed;
            if (remaining <= TimeSpan.Zero && generation > 0) break;
            var count = Math.Min(options.GenerationsPerSlice, options.MaxGenerations - generation);
            var slice = await PythonGa.EvolveAsync(bridge, json, population, options.PopulationSize, columns, output,
                options.CandidateRows, width, options.Seed, generation, count, remaining, options.PythonOptions(stopAt),
                cancellationToken).ConfigureAwait(false);
            evaluations += slice.Evaluations;
            best = Math.Min(best, slice.BestFitness);
            var advanced = slice.Generation > generation;
            generation = slice.Generation;
            progress?.Report(new GeneticProgress(generation, slice.BestFitness, evaluations, clock.Elapsed));

            if (slice.BestFitness < options.CheckBelow)
            {
                var rows = CandidateRow.Read(output.AsSpan<double>(), slice.Rows, program.ValueCount);
                if (judge.Judge(rows, options.CheckBelow) is { } counterexample)
                    return new GeneticOutcome(SearchStatus.Validated, counterexample, null,
                        Describe("counterexample confirmed exactly", generation, evaluations, judge),
                        generation, evaluations, best, clock.Elapsed);
            }
            // What floating point took for a counterexample was none: keep evolving rather than stop on it.
            if (slice.Found) stopAt = -1;
            if (judge.Numeric is not null)
            {
                slicesLeft ??= options.SlicesAfterNumeric;
                if (slicesLeft-- <= 0) break;
            }
            // A slice that ran no generation without a find ran out of time, or had none to run.
            if (!advanced && !slice.Found) break;
        }
        while (generation < options.MaxGenerations);

        if (judge.Numeric is { } numeric)
            return new GeneticOutcome(SearchStatus.Numeric, numeric.Counterexample, numeric.Margin,
                Describe("only a numeric counterexample: exact checking is impossible here", generation, evaluations, judge),
                generation, evaluations, best, clock.Elapsed);
        return new GeneticOutcome(SearchStatus.NotFound, null, null,
            Describe("no counterexample found", generation, evaluations, judge), generation, evaluations, best, clock.Elapsed);
    }

    private static string Describe(string what, int generations, long evaluations, CandidateJudge judge) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what} ({generations} generations, {evaluations} fitness evaluations, {judge.Checked} exact checks)");
}

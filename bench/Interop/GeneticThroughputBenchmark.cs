using Hms.Interop.Bridge;
using Hms.Interop.Genetic;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Search;
using Python.Runtime;

namespace Hms.Interop.Bench;

/// <summary>
/// Fitness evaluations per second of the genetic search on a 6-variable polynomial theorem that holds (so every
/// search runs its full course): the vectorised search through the bridge (<see cref="GeneticSearch"/>, all of it:
/// shared-memory population, slices, read-back and exact checks of candidates) against the same algorithm in pure
/// Python, and against the vectorised algorithm inside Python without the bridge. The three alternate pass by pass,
/// so that the machine's noise falls on all of them alike.
/// </summary>
internal sealed class GeneticThroughputBenchmark(PythonBridge bridge, int passes)
{
    public const int Population = 1024;
    private const int BridgeGenerations = 200;
    // Pure Python evaluates ~10x slower: 20 generations make a pass of a few tenths of a second.
    private const int PureGenerations = 20;

    public const string TheoremText = "a*b*c + d*e*f + a^2*d - b*e^3 + c*f <= 20000";

    /// <summary>True (at most 13100 in the box), so the search runs its full course.</summary>
    public static CompiledTheorem Polynomial() => TheoremCompiler.Compile(new TheoremDocument
    {
        Id = "polynomial_six",
        Assumptions = ["-10 <= a <= 10", "-10 <= b <= 10", "-10 <= c <= 10", "-10 <= d <= 10", "-10 <= e <= 10", "-10 <= f <= 10"],
        Statement = TheoremText,
    });

    public async Task<GeneticThroughputResult> RunAsync()
    {
        var theorem = Polynomial();
        var program = SearchProgram.Compile(theorem);
        var json = program.ToJson();
        var search = new GeneticSearch(bridge);
        var options = new GeneticOptions
        {
            PopulationSize = Population, MaxGenerations = BridgeGenerations, TimeBudget = TimeSpan.FromMinutes(1), Seed = 1,
        };

        // Warm-up: imports, the compiled program's cache, JIT.
        await search.SearchAsync(theorem, options with { MaxGenerations = 20 });
        await PureRateAsync(json, 1);
        await NumPyRateAsync(json, 20);

        var bridged = new List<double>();
        var pure = new List<double>();
        var inProcess = new List<double>();
        var outcome = "";
        for (var pass = 0; pass < passes; pass++)
        {
            var result = await search.SearchAsync(theorem, options);
            if (result.Status != SearchStatus.NotFound || result.Generations != BridgeGenerations)
                outcome = $"unexpected: {result.Status}, {result.Generations} generations ({result.Reason})";
            else if (outcome.Length == 0)
                outcome = $"{result.Status}, {result.Generations} generations, {result.Evaluations:N0} evaluations";
            bridged.Add(result.Evaluations / result.Elapsed.TotalSeconds);
            pure.Add(await PureRateAsync(json, PureGenerations));
            inProcess.Add(await NumPyRateAsync(json, BridgeGenerations));
        }
        return new GeneticThroughputResult("polynomial_six", program.SearchedCount, Population, BridgeGenerations, PureGenerations, passes,
            Median(bridged), bridged.Max(), Median(inProcess), Median(pure), pure.Max(), outcome);
    }

    private Task<double> PureRateAsync(string json, int generations) => RateAsync("pure_rate", json, generations);

    private Task<double> NumPyRateAsync(string json, int generations) => RateAsync("numpy_rate", json, generations);

    private Task<double> RateAsync(string function, string json, int generations) => bridge.InvokeAsync(context =>
    {
        var bench = context.Import("hms_bridge.ga_bench");
        using var program = new PyString(json);
        using var size = new PyInt(Population);
        using var count = new PyInt(generations);
        using var seed = new PyInt(1);
        using var rate = bench.InvokeMethod(function, program, size, count, seed);
        return rate.As<double>();
    });

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

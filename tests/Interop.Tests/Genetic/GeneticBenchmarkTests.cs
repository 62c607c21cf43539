using System.Globalization;
using Hms.Interop.Genetic;
using Hms.Interop.Tests.Fixtures;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Search;
using Python.Runtime;
using Xunit.Abstractions;

namespace Hms.Interop.Tests.Genetic;

/// <summary>
/// Fitness evaluations per second of the genetic search on a 6-variable polynomial theorem: vectorised with NumPy
/// through the bridge (the whole runner, shared-memory population, slices and all) against the same algorithm in
/// pure Python, in the same run. The figures are printed; the test only insists that vectorising pays.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class GeneticBenchmarkTests(BridgeFixture fixture, ITestOutputHelper output)
{
    private const int Population = 1024;

    /// <summary>True (at most 13100 in the box), so the search runs its full course.</summary>
    private static CompiledTheorem Polynomial() => TheoremCompiler.Compile(new TheoremDocument
    {
        Id = "polynomial_six",
        Assumptions = ["-10 <= a <= 10", "-10 <= b <= 10", "-10 <= c <= 10", "-10 <= d <= 10", "-10 <= e <= 10", "-10 <= f <= 10"],
        Statement = "a*b*c + d*e*f + a^2*d - b*e^3 + c*f <= 20000",
    });

    [Fact]
    public async Task Vectorised_evaluation_through_the_bridge_beats_pure_python()
    {
        var theorem = Polynomial();
        var search = new GeneticSearch(fixture.Bridge);
        var options = new GeneticOptions { PopulationSize = Population, MaxGenerations = 200, TimeBudget = TimeSpan.FromMinutes(1) };
        await search.SearchAsync(theorem, options with { MaxGenerations = 20 }); // warm up: imports, compiled program
        var outcome = await search.SearchAsync(theorem, options);
        Assert.Equal(SearchStatus.NotFound, outcome.Status);
        var bridged = outcome.Evaluations / outcome.Elapsed.TotalSeconds;

        var json = SearchProgram.Compile(theorem).ToJson();
        var pure = await fixture.Bridge.InvokeAsync(context =>
        {
            var bench = context.Import("hms_bridge.ga_bench");
            using var program = new PyString(json);
            using var size = new PyInt(Population);
            using var generations = new PyInt(5);
            using var rate = bench.InvokeMethod("pure_rate", program, size, generations);
            return rate.As<double>();
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"population {Population}: bridge + NumPy {bridged:N0} evaluations/s ({outcome.Generations} generations in {outcome.Elapsed.TotalMilliseconds:N0} ms), " +
            $"pure Python {pure:N0} evaluations/s, ratio {bridged / pure:N1}"));
        Assert.True(bridged > 2 * pure, $"bridge {bridged:N0}/s, pure Python {pure:N0}/s");
    }
}

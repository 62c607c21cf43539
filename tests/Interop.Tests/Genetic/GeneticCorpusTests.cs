using Hms.Proving.Search;
using System.Diagnostics;
using Hms.Interop.Genetic;
using Hms.Interop.Tests.Fixtures;
using Xunit.Abstractions;

namespace Hms.Interop.Tests.Genetic;

/// <summary>
/// With a fixed seed and the genetic search alone, every false infix theorem of the shared corpus gets a
/// counterexample that the core's exact check confirms, within 10 seconds each. A theorem the search stops
/// refuting fails here; one it cannot search must be listed in <see cref="Unsupported"/> with its reason.
/// </summary>
[Collection(BridgeCollection.Name)]
public sealed class GeneticCorpusTests(BridgeFixture fixture, ITestOutputHelper output)
{
    private static readonly GeneticOptions Options = new() { Seed = 20_240_601, TimeBudget = TimeSpan.FromSeconds(10) };

    /// <summary>False theorems the search cannot handle, with why (none today).</summary>
    private static readonly IReadOnlyDictionary<string, string> Unsupported = new Dictionary<string, string>();

    public static TheoryData<string> FalseTheorems()
    {
        var data = new TheoryData<string>();
        foreach (var id in GeneticCorpus.FalseInfixTheorems.Keys.Order(StringComparer.Ordinal).Where(id => !Unsupported.ContainsKey(id)))
            data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(FalseTheorems))]
    public async Task The_search_alone_refutes_each_false_corpus_theorem_exactly(string id)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await new GeneticSearch(fixture.Bridge).SearchAsync(GeneticCorpus.Compile(id), Options);
        output.WriteLine($"{id}: {outcome.Status} in {clock.ElapsedMilliseconds} ms, {outcome.Generations} generations: " +
                         $"{string.Join(", ", outcome.Counterexample?.Assignment.Select(a => $"{a.Key} = {a.Value}") ?? [])} — {outcome.Counterexample?.Explanation ?? outcome.Reason}");
        Assert.Equal(SearchStatus.Validated, outcome.Status);
        Assert.True(outcome.Counterexample!.Validated);
    }

    public static TheoryData<string> TrueTheorems()
    {
        var data = new TheoryData<string>();
        foreach (var id in GeneticCorpus.TrueInfixTheorems.Keys.Order(StringComparer.Ordinal))
            data.Add(id);
        return data;
    }

    /// <summary>
    /// Soundness: floating point finds "counterexamples" to true theorems (a tiny tax t makes (pc - p0)/t noise),
    /// and the exact check must turn every one of them down.
    /// </summary>
    [Theory]
    [MemberData(nameof(TrueTheorems))]
    public async Task The_search_never_validates_a_counterexample_to_a_true_corpus_theorem(string id)
    {
        var options = Options with { MaxGenerations = 200 };
        var outcome = await new GeneticSearch(fixture.Bridge).SearchAsync(GeneticCorpus.Compile(id), options);
        output.WriteLine($"{id}: {outcome.Status}: {outcome.Reason}");
        Assert.True(outcome.Status is SearchStatus.NotFound or SearchStatus.Unsupported,
            $"{id}: {outcome.Status}: {outcome.Counterexample?.Explanation}");
    }

    [Fact]
    public void The_corpus_has_the_false_theorems_this_suite_was_written_for()
    {
        // Fourteen when written; fewer means a lost file (the theory above would silently shrink).
        Assert.True(GeneticCorpus.FalseInfixTheorems.Count >= 14, $"found {GeneticCorpus.FalseInfixTheorems.Count}");
    }
}

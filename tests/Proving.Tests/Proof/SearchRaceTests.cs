using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Search;

namespace Hms.Proving.Tests.Proof;

/// <summary>The counterexample search races the solvers: a validated find decides, anything else leaves the verdict to them.</summary>
[Collection(ProverCollection.Name)]
public sealed class SearchRaceTests(ProverFixture fixture)
{
    private sealed class FixedSearch(SearchResult result, TaskCompletionSource? gate = null) : ICounterexampleSearch
    {
        public int Calls;

        public async Task<SearchResult> SearchAsync(CompiledTheorem theorem, TimeSpan timeLimit, IProgress<SearchStep>? progress, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            if (gate is not null) await gate.Task.WaitAsync(ct);
            return result;
        }
    }

    private static readonly Counterexample Found = new([new("n", "2")], true, "found by the search");

    private static TheoremDocument Hard => new()
    {
        Id = "fermat",
        Statement = "x^3 + y^3 != z^3",
        Assumptions = ["x > 0", "y > 0", "z > 0"],
        Variables = [new("x", Sort.Int), new("y", Sort.Int), new("z", Sort.Int)],
        UseGeneticOptimization = true,
    };

    private TheoremProver ProverWith(ICounterexampleSearch search) => new(new ObligationProver(fixture.Pool), null, search);

    [Fact]
    public async Task A_validated_find_decides_and_stops_the_solvers()
    {
        var search = new FixedSearch(new SearchResult(SearchStatus.Validated, Found, null, TimeSpan.Zero));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await ProverWith(search).ProveAsync(Hard, new ProofOptions { Timeout = TimeSpan.FromMinutes(5) });
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.Same(Found, result.Counterexample);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the solvers were not stopped: {clock.Elapsed}");
    }

    [Fact]
    public async Task Nothing_found_leaves_the_verdict_to_the_solvers()
    {
        var search = new FixedSearch(new SearchResult(SearchStatus.NotFound, null, "no luck", TimeSpan.Zero));
        var doc = new TheoremDocument { Id = "t", Statement = "x*x >= 0", UseGeneticOptimization = true };
        var result = await ProverWith(search).ProveAsync(doc, new ProofOptions());
        Assert.Equal(TheoremStatus.Proved, result.Status);
        Assert.Equal(1, search.Calls);
    }

    [Fact]
    public async Task Numeric_evidence_is_attached_only_when_the_solvers_cannot_decide()
    {
        var evidence = new Counterexample([new("x", "≈1.414")], false, "numeric");
        var search = new FixedSearch(new SearchResult(SearchStatus.Numeric, evidence, null, TimeSpan.Zero));
        var result = await ProverWith(search).ProveAsync(Hard, new ProofOptions { Timeout = TimeSpan.FromSeconds(1) });
        Assert.Equal(TheoremStatus.Unknown, result.Status);
        Assert.Same(evidence, result.Counterexample);
        Assert.Contains("numeric evidence", result.Error);
    }

    private sealed class BrokenSearch : ICounterexampleSearch
    {
        public Task<SearchResult> SearchAsync(CompiledTheorem theorem, TimeSpan timeLimit, IProgress<SearchStep>? progress, CancellationToken ct) =>
            throw new InvalidOperationException("ValueError: Python said no");
    }

    [Fact]
    public async Task A_broken_search_is_a_warning_and_the_solvers_still_decide()
    {
        var doc = new TheoremDocument { Id = "t", Statement = "x*x >= 0", UseGeneticOptimization = true };
        var result = await ProverWith(new BrokenSearch()).ProveAsync(doc, new ProofOptions());
        Assert.Equal(TheoremStatus.Proved, result.Status);
        Assert.Equal(["the genetic search failed: ValueError: Python said no"], result.Warnings);
    }

    [Fact]
    public async Task The_search_runs_only_when_asked()
    {
        var search = new FixedSearch(new SearchResult(SearchStatus.NotFound, null, null, TimeSpan.Zero));
        await ProverWith(search).ProveAsync(new TheoremDocument { Id = "t", Statement = "x*x >= 0" }, new ProofOptions());
        Assert.Equal(0, search.Calls);
        await ProverWith(search).ProveAsync(new TheoremDocument { Id = "t", Statement = "x*x >= 0", Strategies = ["genetic"] }, new ProofOptions());
        Assert.Equal(1, search.Calls);
    }
}

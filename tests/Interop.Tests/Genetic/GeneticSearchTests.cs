using Hms.Proving.Proof;
using Hms.Proving.Search;
using Hms.Interop.Genetic;
using Hms.Interop.Tests.Fixtures;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;

namespace Hms.Interop.Tests.Genetic;

[Collection(BridgeCollection.Name)]
public sealed class GeneticSearchTests(BridgeFixture fixture)
{
    private static readonly GeneticOptions Quick = new() { PopulationSize = 64, MaxGenerations = 400, Seed = 1 };

    private GeneticSearch Search => new(fixture.Bridge);

    private static CompiledTheorem Theorem(string statement, params string[] assumptions) =>
        TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = statement, Assumptions = assumptions });

    private static string Value(GeneticOutcome outcome, string name) =>
        outcome.Counterexample!.Assignment.Single(a => a.Key == name).Value;

    [Fact]
    public async Task A_false_claim_gets_an_exactly_validated_counterexample()
    {
        var outcome = await Search.SearchAsync(Theorem("x * x > x", "x > 0"), Quick);
        Assert.Equal(SearchStatus.Validated, outcome.Status);
        Assert.True(outcome.Counterexample!.Validated);
        Assert.Equal("the assumptions hold and the statement is false: x * x > x", outcome.Counterexample.Explanation);
        var x = Proving.Numbers.Rational.Parse(Value(outcome, "x"));
        Assert.True(x.Sign > 0 && x <= 1, $"x = {x}");
        Assert.Contains("counterexample confirmed exactly", outcome.Reason);
    }

    [Fact]
    public async Task A_zero_divisor_is_a_validated_counterexample()
    {
        // The statement holds wherever it is defined; only r = g refutes it.
        var outcome = await Search.SearchAsync(Theorem("d1 / (r - g) * (r - g) = d1", "d1 > 0", "r > 0", "g >= 0"), Quick);
        Assert.Equal(SearchStatus.Validated, outcome.Status);
        Assert.Equal(Value(outcome, "r"), Value(outcome, "g"));
        Assert.EndsWith("undefined (in statement)", outcome.Counterexample!.Explanation);
    }

    [Fact]
    public async Task Definitions_are_computed_exactly_in_the_counterexample()
    {
        var outcome = await Search.SearchAsync(
            Theorem("abs(dx_dp * p / x) > 1", "0 < alpha < 1", "p > 0 and m > 0", "x = alpha * m / p", "dx_dp = -alpha * m / p^2"), Quick);
        Assert.Equal(SearchStatus.Validated, outcome.Status);
        var get = (string name) => Proving.Numbers.Rational.Parse(Value(outcome, name));
        Assert.Equal(get("alpha") * get("m") / get("p"), get("x"));
    }

    [Fact]
    public async Task A_true_claim_yields_nothing_and_says_so()
    {
        var outcome = await Search.SearchAsync(Theorem("x * x + 1 > 2 * x or x = 1"), Quick with { MaxGenerations = 60 });
        Assert.Equal(SearchStatus.NotFound, outcome.Status);
        Assert.Null(outcome.Counterexample);
        Assert.Equal(60, outcome.Generations);
        Assert.StartsWith("no counterexample found (60 generations, ", outcome.Reason);
    }

    [Fact]
    public async Task Transcendental_counterexamples_are_certified_by_intervals()
    {
        // Refuted for 1 < x < e^(1/2), where log is irrational: no exact check can confirm it, but a rational
        // interval enclosure of log(x) at the candidate shows log(x) <= 0.5 for the true log.
        var outcome = await Search.SearchAsync(Theorem("log(x) > 0.5", "x > 1"), Quick);
        Assert.Equal(SearchStatus.Validated, outcome.Status);
        Assert.True(outcome.Counterexample!.Validated);
        Assert.Equal(CounterexampleValidation.Interval, outcome.Counterexample.Validation);
        Assert.DoesNotContain("≈", Value(outcome, "x"));
    }

    [Fact]
    public async Task Unsupported_theorems_are_skipped_with_the_reason()
    {
        var outcome = await Search.SearchAsync(Theorem("exists q: q > a"), Quick);
        Assert.Equal(SearchStatus.Unsupported, outcome.Status);
        Assert.Contains("ranges over infinitely many values", outcome.Reason);
        Assert.Equal(0, outcome.Evaluations);
    }

    [Fact]
    public async Task A_fixed_seed_reproduces_the_run()
    {
        var theorem = GeneticCorpus.Compile("pd_defection_efficient");
        var first = await Search.SearchAsync(theorem, Quick with { Seed = 42 });
        var second = await Search.SearchAsync(theorem, Quick with { Seed = 42 });
        Assert.Equal(SearchStatus.Validated, first.Status);
        Assert.Equal(first.Generations, second.Generations);
        Assert.Equal(first.Evaluations, second.Evaluations);
        Assert.Equal(first.Counterexample!.Assignment, second.Counterexample!.Assignment);
    }

    [Fact]
    public async Task Progress_is_reported_per_slice_and_cancellation_stops_the_search()
    {
        using var cancel = new CancellationTokenSource();
        var reports = new List<GeneticProgress>();
        var progress = new SynchronousProgress<GeneticProgress>(p =>
        {
            reports.Add(p);
            if (reports.Count == 3) cancel.Cancel();
        });
        var options = Quick with { MaxGenerations = 1_000_000, GenerationsPerSlice = 5, TimeBudget = TimeSpan.FromMinutes(5) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Search.SearchAsync(Theorem("x * x >= 0"), options, progress, cancel.Token));
        Assert.Equal([5, 10, 15], reports.Select(r => r.Generation));
        Assert.All(reports, r => Assert.True(r.BestFitness > 0));
        Assert.True(reports[2].Evaluations > reports[0].Evaluations);
    }

    [Fact]
    public async Task The_time_budget_ends_the_search()
    {
        var options = Quick with { MaxGenerations = 10_000_000, TimeBudget = TimeSpan.FromMilliseconds(300) };
        var outcome = await Search.SearchAsync(Theorem("x * x >= 0"), options);
        Assert.Equal(SearchStatus.NotFound, outcome.Status);
        // The budget, not the generation cap, ended it; only the lower bound holds at any load.
        Assert.True(outcome.Elapsed >= TimeSpan.FromMilliseconds(250), $"ended after {outcome.Elapsed}");
        Assert.True(outcome.Generations < options.MaxGenerations);
    }

    [Fact]
    public async Task Invalid_options_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Search.SearchAsync(Theorem("x > 0"), Quick with { PopulationSize = 1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Search.SearchAsync(Theorem("x > 0"), Quick with { TimeBudget = TimeSpan.Zero }));
    }

    /// <summary>Reports on the caller's thread, at once (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

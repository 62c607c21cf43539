using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Proof;

[Collection(ProverCollection.Name)]
public sealed class TheoremProverTests(ProverFixture fixture)
{
    private static TheoremDocument Doc(string statement, params string[] assumptions) =>
        new() { Id = "t", Statement = statement, Assumptions = assumptions };

    private static Dictionary<string, string> Values(TheoremResult r) =>
        r.Counterexample!.Assignment.ToDictionary(a => a.Key, a => a.Value);

    [Fact]
    public async Task A_true_theorem_is_proved_and_names_the_assumptions_it_used()
    {
        var result = await fixture.ProveAsync(Doc("p1 * x1 = alpha * m", "0 < alpha < 1", "p1 > 0 and m > 0", "x1 = alpha * m / p1", "a < 1"));
        Assert.Equal(TheoremStatus.Proved, result.Status);
        Assert.Contains("x1 = alpha * m / p1", result.AssumptionsUsed);
        Assert.DoesNotContain("a < 1", result.AssumptionsUsed);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task A_false_theorem_gets_an_exact_validated_counterexample()
    {
        var result = await fixture.ProveAsync(Doc("dwl2 = 2*dwl1", "b > 0 and d > 0 and t > 0", "dwl1 = b*d*t^2 / (2*(b + d))", "dwl2 = b*d*(2*t)^2 / (2*(b + d))"));
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        var ce = result.Counterexample!;
        Assert.True(ce.Validated);
        Assert.Equal(["b", "d", "t", "dwl1", "dwl2"], ce.Assignment.Select(a => a.Key).ToArray());
        // Re-check the reported values by hand: they must satisfy the assumptions and refute the claim.
        var v = Values(result).ToDictionary(kv => kv.Key, kv => Numbers.Rational.Parse(kv.Value));
        Assert.True(v["b"] > 0 && v["d"] > 0 && v["t"] > 0);
        Assert.Equal(v["b"] * v["d"] * v["t"] * v["t"] / (2 * (v["b"] + v["d"])), v["dwl1"]);
        Assert.NotEqual(2 * v["dwl1"], v["dwl2"]);
    }

    [Fact]
    public async Task A_forgotten_positivity_assumption_is_a_definedness_counterexample()
    {
        var result = await fixture.ProveAsync(Doc("px * x = alpha * m", "0 < alpha < 1", "m > 0", "x = alpha * m / px"));
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.True(result.Counterexample!.Validated);
        Assert.Equal("0", Values(result)["px"]);
        Assert.Equal("px = 0 makes alpha * m / px undefined (in assumption 3)", result.Counterexample.Explanation);
        Assert.Equal(["alpha", "m", "x", "px"], result.Counterexample.Assignment.Select(a => a.Key).ToArray());
    }

    [Fact]
    public async Task A_guarded_division_is_well_defined()
    {
        var result = await fixture.ProveAsync(Doc("px = 0 or m / px >= 0", "m >= 0", "px >= 0"));
        Assert.Equal(TheoremStatus.Proved, result.Status);
    }

    [Fact]
    public async Task Inconsistent_assumptions_prove_vacuously_with_a_warning()
    {
        var result = await fixture.ProveAsync(Doc("q > 1000", "p > 0", "c > p", "c < p / 2", "q > 0"));
        Assert.Equal(TheoremStatus.Proved, result.Status);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("vacuous: the assumptions are inconsistent", warning);
        Assert.Contains("'c > p'", warning);
        Assert.Contains("'c < p / 2'", warning);
    }

    [Fact]
    public async Task A_forall_counterexample_names_its_witness()
    {
        var result = await fixture.ProveAsync(Doc("forall q: q >= 0 -> q * (10 - q) <= 20"));
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        var q = Numbers.Rational.Parse(Values(result)["q"]);
        Assert.True(q >= 0 && q * (10 - q) > 20);
        Assert.Contains("forall q", result.Counterexample!.Explanation);
    }

    [Fact]
    public async Task Int_variables_get_integer_counterexamples()
    {
        var doc = Doc("n * n != 2 * n", "n >= 0") with { Variables = [new("n", Sort.Int)] };
        var result = await fixture.ProveAsync(doc);
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.Contains(Values(result)["n"], new[] { "0", "2" });
    }

    [Fact]
    public async Task Iff_is_proved_in_both_directions()
    {
        var result = await fixture.ProveAsync(Doc("(pim/2) / (1 - delta) >= pim <-> delta >= 1/2", "pim > 0", "0 <= delta < 1"));
        Assert.Equal(TheoremStatus.Proved, result.Status);
        Assert.Equal(2, result.Obligations.Count(o => o.Kind == ObligationKind.Claim));
    }

    [Fact]
    public async Task Case_splits_prove_and_refute_like_the_whole()
    {
        var proved = await fixture.ProveAsync(Doc("p * p > 0", "p < 0 or p > 1"));
        Assert.Equal(TheoremStatus.Proved, proved.Status);
        Assert.Equal(["p < 0 or p > 1"], proved.AssumptionsUsed);
        var refuted = await fixture.ProveAsync(Doc("p > 0", "p < 0 or p > 1"));
        Assert.Equal(TheoremStatus.Disproved, refuted.Status);
        Assert.True(Numbers.Rational.Parse(Values(refuted)["p"]) < 0);
    }

    [Fact]
    public async Task Bad_input_ends_in_error_with_the_parser_message()
    {
        var result = await fixture.ProveAsync(Doc("a * m / (p * )") with { SourceFile = "consumer.yaml", Id = "cd-demand" });
        Assert.Equal(TheoremStatus.Error, result.Status);
        Assert.Equal("consumer.yaml: theorem 'cd-demand': statement 1:14: expected an expression after '*', found ')'", result.Error);
    }

    [Fact]
    public async Task Each_strategy_proves_alone()
    {
        foreach (var strategy in new[] { Strategy.Z3, Strategy.Cvc5, Strategy.Portfolio })
        {
            var result = await fixture.ProveAsync(Doc("x + y > 0", "x > 0", "y > 0"), new ProofOptions { Strategy = strategy });
            Assert.Equal(TheoremStatus.Proved, result.Status);
            var expected = strategy switch { Strategy.Z3 => new[] { "z3" }, Strategy.Cvc5 => ["cvc5"], _ => ["z3", "cvc5"] };
            Assert.All(result.Obligations, o => Assert.Contains(o.Strategy, expected));
        }
    }

    [Fact]
    public async Task Cancellation_stops_a_proof_promptly()
    {
        var doc = Doc("x^3 + y^3 != z^3", "x > 0", "y > 0", "z > 0") with
        {
            Variables = [new("x", Sort.Int), new("y", Sort.Int), new("z", Sort.Int)],
        };
        using var cts = new CancellationTokenSource();
        var proof = fixture.ProveAsync(doc, new ProofOptions { Timeout = TimeSpan.FromMinutes(5) }, cts.Token);
        cts.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await proof;
        Assert.Equal(TheoremStatus.Cancelled, result.Status);
        // Far below the 5-minute limit: cancelled, not waited out (holds at any load).
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_goal_over_its_time_limit_is_unknown_with_the_reason()
    {
        var doc = Doc("x^3 + y^3 != z^3", "x > 0", "y > 0", "z > 0") with
        {
            Variables = [new("x", Sort.Int), new("y", Sort.Int), new("z", Sort.Int)],
        };
        var result = await fixture.ProveAsync(doc, new ProofOptions { Timeout = TimeSpan.FromSeconds(1) });
        Assert.Equal(TheoremStatus.Unknown, result.Status);
        Assert.Contains("timeout", result.Error);
    }

    [Fact]
    public async Task An_smtlib_model_is_confirmed_in_a_fresh_solver()
    {
        var doc = new TheoremDocument
        {
            Id = "s", Format = TheoremFormat.Smtlib2,
            Statement = "(set-logic QF_LRA)\n(declare-const x Real)\n(assert (> x 2.5))\n(check-sat)\n(get-model)\n(exit)\n",
        };
        var result = await fixture.ProveAsync(doc);
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.True(result.Counterexample!.Validated);
        Assert.True(Numbers.Rational.Parse(Values(result)["x"]) > Numbers.Rational.Parse("2.5"));
    }

    [Fact]
    public async Task Lean_theorems_are_an_error_not_a_crash()
    {
        var result = await fixture.ProveAsync(new TheoremDocument { Id = "l", Format = TheoremFormat.Lean4, LeanCode = "theorem t : 1 = 1 := rfl" });
        Assert.Equal(TheoremStatus.Error, result.Status);
        Assert.Contains("Lean 4 backend not available", result.Error);
    }
}

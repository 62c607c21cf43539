using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Tests.Proof;

namespace Hms.Proving.Tests.Transcendental;

/// <summary>Theorems with symbolic powers, roots, exp and log, end to end on the real solvers.</summary>
[Collection(ProverCollection.Name)]
public sealed class TranscendentalProofTests(ProverFixture fixture)
{
    private static TheoremDocument Doc(string statement, params string[] assumptions) =>
        new() { Id = "t", Statement = statement, Assumptions = assumptions, TimeoutSeconds = 30 };

    [Theory]
    [InlineData("(t*k)^a * (t*l)^(1-a) = t * (k^a * l^(1-a))", "0 < a < 1", "t > 0 and k > 0 and l > 0")]
    [InlineData("k * (alpha * k^(alpha - 1) * l^(1 - alpha)) + l * ((1 - alpha) * k^alpha * l^(-alpha)) = k^alpha * l^(1 - alpha)", "0 < alpha < 1", "k > 0 and l > 0")]
    [InlineData("sqrt(x)^2 = x", "x >= 0")]
    [InlineData("x^(1/2) * x^(1/2) = x", "x >= 0")]
    [InlineData("log(1) = 0")]
    [InlineData("log(x*y) = log(x) + log(y)", "x > 0 and y > 0")]
    [InlineData("T = log(2) / r", "r > 0", "exp(r*T) = 2")]
    [InlineData("-c * (-g * c^(-g-1)) / c^(-g) = g", "g > 0 and c > 0")]
    public async Task Textbook_identities_are_proved_with_symbolic_parameters(string statement, params string[] assumptions)
    {
        var result = await fixture.ProveAsync(Doc(statement, assumptions));
        Assert.True(result.Status == TheoremStatus.Proved, $"{result.Status}: {result.Error}");
    }

    [Fact]
    public async Task A_false_power_claim_is_disproved_with_an_interval_certificate()
    {
        var result = await fixture.ProveAsync(Doc("(2*k)^a * (2*l)^b >= 2 * k^a * l^b", "a > 0 and b > 0 and a + b < 1", "k > 0 and l > 0"));
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        var counterexample = result.Counterexample!;
        Assert.True(counterexample.Validated);
        Assert.Equal(CounterexampleValidation.Interval, counterexample.Validation);
        Assert.Empty(counterexample.Approximate);
        // Every value is an exact number or p/q.
        Assert.All(counterexample.Assignment, kv => Assert.True(Numbers.Rational.TryParse(kv.Value, out _), kv.Value));
    }

    [Fact]
    public async Task A_symbolic_power_of_a_possibly_negative_base_is_undefined()
    {
        var result = await fixture.ProveAsync(Doc("k^a >= 0", "0 < a < 1"));
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.Equal(CounterexampleValidation.Exact, result.Counterexample!.Validation);
        Assert.Contains("makes k^a undefined", result.Counterexample.Explanation);
    }

    [Fact]
    public async Task An_exact_counterexample_stays_exact()
    {
        var result = await fixture.ProveAsync(Doc("sqrt(x) >= x", "x > 0"));
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.True(result.Counterexample!.Validated);
    }

    [Fact]
    public async Task An_undecided_transcendental_theorem_says_once_what_to_try()
    {
        // True (x^y > 0 and y^x > 0, and one of them is at least 1), but beyond the lemmas: the solvers' models
        // give pow values the true function does not take, so neither solver decides it.
        var result = await fixture.ProveAsync(Doc("x^y + y^x > 1", "x > 0", "y > 0") with { TimeoutSeconds = 2 });
        Assert.Equal(TheoremStatus.Unknown, result.Status);
        var reason = result.Error!;
        Assert.Contains(UndecidedAdvice.Transcendental, reason);
        Assert.Equal(reason.IndexOf(UndecidedAdvice.Transcendental, StringComparison.Ordinal),
            reason.LastIndexOf(UndecidedAdvice.Transcendental, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("x^3 - 2*x + 1 >= 0", false)]
    [InlineData("n^2 >= 0", false)]
    [InlineData("k^a >= 0", true)]
    [InlineData("x^(1/3) >= 0", true)]
    [InlineData("exp(x) > 0", true)]
    [InlineData("sqrt(x) >= 0", true)]
    public void Advice_is_for_theorems_with_powers_roots_exp_or_log(string statement, bool advised)
    {
        var theorem = Hms.Proving.Compiling.TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = statement, Assumptions = ["x > 0 and k > 0"] });
        var undecided = new ObligationResult("claim-1", Hms.Proving.Obligations.ObligationKind.Claim, "the statement", ObligationStatus.Unknown,
            null, TimeSpan.Zero, null, [], "z3: timeout after 1 s", "hash");
        Assert.Equal(advised ? UndecidedAdvice.Transcendental : null, UndecidedAdvice.For(theorem, [undecided]));
        Assert.Null(UndecidedAdvice.For(theorem, [undecided with { Status = ObligationStatus.Proved }]));
    }
}

using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;
using Hms.Proving.Tests.Proof;

namespace Hms.Proving.Tests.Algebraic;

/// <summary>Theorems whose only counterexamples are irrational: z3's root-obj models, checked exactly, end to end.</summary>
[Collection(ProverCollection.Name)]
public sealed class AlgebraicModelProofTests(ProverFixture fixture)
{
    private static TheoremDocument Doc(string statement, params string[] assumptions) =>
        new() { Id = "algebraic", Statement = statement, Assumptions = assumptions, TimeoutSeconds = 30 };

    private static string Describe(TheoremResult result) =>
        $"{result.Status}: {result.Error} {string.Join("; ", result.Obligations.Select(o => $"{o.ObligationId} {o.Status} {o.Reason} {o.Counterexample?.Explanation}"))}";

    [Theory]
    // √2 < 1.4142 is false: the model is x = √2, a root-obj.
    [InlineData("x < 1.4142", "x*x = 2", "x > 0")]
    // The golden ratio: x^2 = x + 1 and x > 0 give x = (1+√5)/2 ≈ 1.618.
    [InlineData("x <= 1.618", "x^2 = x + 1", "x > 0")]
    // A cube root, with an exact equality in the statement's refutation: y = 3/x^2 is rational in x.
    [InlineData("x*y < 1.44", "x^3 = 3", "y * x^2 = 3")]
    // Two irrational numbers in one comparison: √2 + ∛3 ≈ 2.856, decided by intervals.
    [InlineData("x + y < 2.8", "x*x = 2", "x > 0", "y^3 = 3")]
    public async Task An_irrational_counterexample_is_disproved_and_validated_exactly(string statement, params string[] assumptions)
    {
        var result = await fixture.ProveAsync(Doc(statement, assumptions), new ProofOptions { Strategy = Strategy.Z3 });

        Assert.True(result.Status == TheoremStatus.Disproved, Describe(result));
        var counterexample = result.Counterexample!;
        Assert.True(counterexample.Validated, Describe(result));
        Assert.Equal(CounterexampleValidation.Exact, counterexample.Validation);
        Assert.Contains("x", counterexample.Approximate);
        Assert.Contains("real algebraic arithmetic", counterexample.Explanation);
        Assert.Contains("root-obj", counterexample.Explanation);
        // The value shown is a readable decimal.
        Assert.True(double.TryParse(counterexample.Assignment.Single(a => a.Key == "x").Value,
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task With_sqrt_in_the_theorem_an_algebraic_model_gets_an_interval_certificate()
    {
        var result = await fixture.ProveAsync(Doc("sqrt(x) < 1.189", "x*x = 2", "x > 0"), new ProofOptions { Strategy = Strategy.Z3 });

        Assert.True(result.Status == TheoremStatus.Disproved, Describe(result));
        Assert.True(result.Counterexample!.Validated, Describe(result));
        Assert.Equal(CounterexampleValidation.Interval, result.Counterexample.Validation);
    }

    [Fact]
    public async Task A_true_theorem_with_algebraic_boundary_points_stays_proved()
    {
        var result = await fixture.ProveAsync(Doc("x < 1.4143", "x*x = 2"), new ProofOptions { Strategy = Strategy.Z3 });

        Assert.True(result.Status == TheoremStatus.Proved, Describe(result));
    }
}

using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Proof;

/// <summary>An unproved consistency obligation is never silent, and irrational (root-obj) models are validated, not dropped.</summary>
[Collection(ProverCollection.Name)]
public sealed class ConsistencyWarningTests(ProverFixture fixture)
{
    private static readonly CompiledTheorem Theorem =
        TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = "y > 0", Assumptions = ["x > 0", "y = x * x"] });

    private static ObligationResult Outcome(Obligation o, ObligationStatus status) =>
        new(o.Id, o.Kind, o.Description, status, "z3", TimeSpan.Zero, null, [], status == ObligationStatus.Unknown ? "timeout after 10 s" : null, o.ContentHash);

    private static TheoremResult CombinedWith(ObligationStatus consistency) =>
        VerdictCombiner.Combine(Theorem, Theorem.Obligations
            .Select(o => Outcome(o, o.Kind == ObligationKind.Consistency ? consistency : ObligationStatus.Proved)).ToList(), TimeSpan.Zero);

    [Fact]
    public void Proved_with_consistency_unknown_warns_that_the_assumptions_were_not_shown_consistent()
    {
        Assert.Contains(Theorem.Obligations, o => o.Kind == ObligationKind.Consistency);

        var result = CombinedWith(ObligationStatus.Unknown);

        Assert.Equal(TheoremStatus.Proved, result.Status);
        Assert.Contains(result.Warnings, w => w.Contains("the assumptions were not shown consistent"));
    }

    [Fact]
    public void Proved_with_consistency_shown_carries_no_such_warning()
    {
        var result = CombinedWith(ObligationStatus.Proved);

        Assert.Equal(TheoremStatus.Proved, result.Status);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("not shown consistent"));
    }

    [Fact]
    public async Task An_algebraic_model_is_checked_exactly_and_reported_as_approximate()
    {
        // The only counterexamples are x = ±sqrt(2): z3 answers with root-obj numbers, which no rational represents.
        var result = await fixture.ProveAsync(new TheoremDocument { Id = "root", Statement = "x > 0", Assumptions = ["x * x = 2"] },
            new ProofOptions { Strategy = Strategy.Z3 });

        Assert.True(result.Status == TheoremStatus.Disproved, $"{result.Status}: {result.Error} {string.Join("; ", result.Obligations.Select(o => $"{o.ObligationId} {o.Status} {o.Reason} {o.Counterexample}"))}");
        var counterexample = result.Counterexample!;
        // Checked exactly in real algebraic arithmetic (x*x = 2 holds at the root-obj itself), so validated;
        // the value shown is still a decimal, flagged approximate.
        Assert.Equal(CounterexampleValidation.Exact, counterexample.Validation);
        Assert.True(counterexample.Validated);
        Assert.True(counterexample.Approximate.Contains("x"), $"{counterexample}: {string.Join(", ", counterexample.Assignment)} [{string.Join(",", counterexample.Approximate)}]");
        Assert.StartsWith("-1.41421356", counterexample.Assignment.Single(a => a.Key == "x").Value);
    }
}

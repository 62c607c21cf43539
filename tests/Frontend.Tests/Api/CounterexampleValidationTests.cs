using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// Issue 7, finding 10: a counterexample says on the wire how it was confirmed, and validated never claims an
/// exact check that a solver's confirmation of an SMT-LIB model is not.
/// </summary>
[Collection(FrontendCollection.Name)]
public sealed class CounterexampleValidationTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task An_smtlib_counterexample_is_solver_confirmed_and_not_validated()
    {
        var theorem = new Theorem
        {
            Id = "validation-smtlib", Domain = "validation_tests", Format = TheoremFormat.Smtlib2,
            // Claims x > 0 for every integer x, so asserts its negation: sat, with x <= 0.
            Statement = "(set-logic QF_LIA)\n(declare-const x Int)\n(assert (not (> x 0)))\n(check-sat)\n",
        };

        var reply = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        Assert.Equal(TheoremStatus.Disproved, reply.Theorem.Status);
        Assert.Equal(CounterexampleValidation.Solver, reply.Theorem.Counterexample.Validation);
        Assert.False(reply.Theorem.Counterexample.Validated);
        // Stored the same way: GetTheorem says what ProveTheorem said.
        var stored = await Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());
        Assert.Equal(CounterexampleValidation.Solver, stored.Counterexample.Validation);
        Assert.False(stored.Counterexample.Validated);
    }

    [Fact]
    public async Task An_infix_counterexample_is_exact_and_validated()
    {
        var theorem = new Theorem
        {
            Id = "validation-infix", Domain = "validation_tests", Statement = "w^2 >= w", Assumptions = { "w > -5" },
        };

        var reply = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        Assert.Equal(TheoremStatus.Disproved, reply.Theorem.Status);
        Assert.Equal(CounterexampleValidation.Exact, reply.Theorem.Counterexample.Validation);
        Assert.True(reply.Theorem.Counterexample.Validated);
    }

    [Fact]
    public async Task An_irrational_value_is_a_parseable_decimal_flagged_approximate()
    {
        var theorem = new Theorem
        {
            Id = "validation-algebraic", Domain = "validation_tests", Format = TheoremFormat.Smtlib2,
            // Claims no real squares to 2, so asserts x*x = 2 with x > 0: sat, and x is the irrational sqrt(2).
            Statement = "(set-logic QF_NRA)\n(declare-const x Real)\n(assert (and (> x 0.0) (= (* x x) 2.0)))\n(check-sat)\n",
        };

        var reply = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        Assert.Equal(TheoremStatus.Disproved, reply.Theorem.Status);
        var counterexample = reply.Theorem.Counterexample;
        Assert.Equal(["x"], counterexample.Approximate);
        var text = counterexample.Assignment["x"];
        Assert.True(double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x), text);
        Assert.InRange(x * x, 1.99, 2.01);
        Assert.Equal(CounterexampleValidation.Solver, counterexample.Validation);
    }
}

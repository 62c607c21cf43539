using Hms.Proving.Checking;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Numbers;
using Hms.Proving.Obligations;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Proof;

public sealed class CounterexampleSimplifierTests
{
    private static (Obligation Claim, CompiledTheorem Theorem) Claim(string statement, params string[] assumptions)
    {
        var theorem = TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = statement, Assumptions = assumptions });
        return (theorem.Obligations.Single(o => o.Kind == ObligationKind.Claim), theorem);
    }

    private static Dictionary<string, ModelValue> Model(CompiledTheorem theorem, params (string Name, string Value)[] values) =>
        values.ToDictionary(v => theorem.Variables.Single(t => t.Name == v.Name).Symbol,
            v => (ModelValue)new RationalModelValue(Rational.Parse(v.Value)));

    private static Dictionary<string, Rational> Values(ModelCheck check) =>
        check.Assignment.ToDictionary(a => a.Key, a => Rational.Parse(a.Value));

    [Fact]
    public void A_solvers_long_rationals_become_small_numbers_that_still_refute()
    {
        // The solver's model: a valid refutation of "x + y > 1" under x, y > 0, written with long rationals.
        var (claim, theorem) = Claim("x + y > 1", "x > 0", "y > 0");
        var model = Model(theorem, ("x", "123456789/987654321000"), ("y", "31415926535/100000000000000"));
        var check = claim.CheckModel(model);
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);

        var (_, simple) = CounterexampleSimplifier.Simplify(claim, model, check);

        Assert.Equal(ModelCheckOutcome.Confirmed, simple.Outcome);
        var v = Values(simple);
        // Re-check by hand: the assumptions hold and the statement fails.
        Assert.True(v["x"] > 0 && v["y"] > 0 && !(v["x"] + v["y"] > 1));
        Assert.All(v.Values, r => Assert.True(r.Denominator <= 10, r.ToString()));
    }

    [Fact]
    public void Zero_is_preferred_where_it_refutes()
    {
        // The report: 40-digit values where rho = 0 and rf = 0 refute just as well.
        var (claim, theorem) = Claim("r > rf + rho", "r >= rf", "rho >= 0", "r <= 1");
        var model = Model(theorem, ("r", "1234567890123456789/9876543210987654321"),
            ("rf", "1234567890123456789/9876543210987654321"), ("rho", "3/98765432109876543210"));
        var (_, simple) = CounterexampleSimplifier.Simplify(claim, model, claim.CheckModel(model));
        Assert.Equal(new Dictionary<string, Rational> { ["r"] = 0, ["rf"] = 0, ["rho"] = 0 }, Values(simple));
    }

    [Fact]
    public void The_same_model_always_simplifies_to_the_same_counterexample()
    {
        var (claim, theorem) = Claim("x*y < 2*x + 3", "x > 1/3", "y > x");
        var model = Model(theorem, ("x", "7777777/3333333"), ("y", "912345678/1234567"));
        var check = claim.CheckModel(model);
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        var first = CounterexampleSimplifier.Simplify(claim, model, check).Check.Assignment;
        var second = CounterexampleSimplifier.Simplify(claim, new Dictionary<string, ModelValue>(model), check).Check.Assignment;
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_check_that_did_not_confirm_is_left_alone()
    {
        var (claim, theorem) = Claim("x + y > 1", "x > 0", "y > 0");
        var model = Model(theorem, ("x", "5/7"), ("y", "3"));
        var check = claim.CheckModel(model);
        Assert.NotEqual(ModelCheckOutcome.Confirmed, check.Outcome);
        var (same, sameCheck) = CounterexampleSimplifier.Simplify(claim, model, check);
        Assert.Same(model, same);
        Assert.Same(check, sameCheck);
    }

    [Fact]
    public void Integer_variables_stay_integers()
    {
        var theorem = TheoremCompiler.Compile(new TheoremDocument
        {
            Id = "t", Statement = "n * n != 2 * m + 1", Assumptions = ["n > 0", "m > 0"],
            Variables = [new("n", Sort.Int), new("m", Sort.Int)],
        });
        var claim = theorem.Obligations.Single(o => o.Kind == ObligationKind.Claim);
        var model = Model(theorem, ("n", "12345"), ("m", "76199512"));
        var check = claim.CheckModel(model);
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        var v = Values(CounterexampleSimplifier.Simplify(claim, model, check).Check);
        Assert.All(v.Values, r => Assert.True(r.IsInteger));
        Assert.True(v["n"] * v["n"] == 2 * v["m"] + 1 && v["n"] > 0 && v["m"] > 0);
    }
}

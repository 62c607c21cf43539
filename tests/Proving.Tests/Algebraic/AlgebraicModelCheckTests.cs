using Hms.Proving.Checking;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Algebraic;

/// <summary>
/// An obligation's check of a model with root-obj values, without a solver: a violating algebraic point is
/// confirmed exactly, a non-violating one rejected, and unreadable or hostile root-objs fall back to Inexact
/// (the solver's confirmation), never to a verdict.
/// </summary>
public sealed class AlgebraicModelCheckTests
{
    private const string Sqrt2 = "(root-obj (+ (^ x 2) (- 2)) 2)";

    private static (Obligation Claim, CompiledTheorem Theorem) Claim(string statement, params string[] assumptions)
    {
        var theorem = TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = statement, Assumptions = assumptions });
        return (theorem.Obligations.Single(o => o.Kind == ObligationKind.Claim), theorem);
    }

    private static Dictionary<string, ModelValue> Model(CompiledTheorem theorem, params (string Name, ModelValue Value)[] values) =>
        values.ToDictionary(v => theorem.Variables.Single(t => t.Name == v.Name).Symbol, v => v.Value);

    private static AlgebraicModelValue Algebraic(string exact) => new("1.41421356237309504880", exact);

    [Fact]
    public void A_violating_algebraic_point_is_confirmed_exactly_and_a_satisfying_one_rejected()
    {
        var (claim, theorem) = Claim("x < 1.4142", "x*x = 2", "x > 0");
        var check = claim.CheckModel(Model(theorem, ("x", Algebraic(Sqrt2))));
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        Assert.False(check.ByIntervals);
        Assert.Equal(["x"], check.Approximate);

        var (holds, theorem2) = Claim("x < 1.4143", "x*x = 2", "x > 0");
        Assert.Equal(ModelCheckOutcome.Rejected, holds.CheckModel(Model(theorem2, ("x", Algebraic(Sqrt2)))).Outcome);
        // The negative root violates x > 0: rejected, not confirmed.
        Assert.Equal(ModelCheckOutcome.Rejected,
            claim.CheckModel(Model(theorem, ("x", Algebraic("(root-obj (+ (^ x 2) (- 2)) 1)")))).Outcome);
    }

    [Fact]
    public void The_simplifier_keeps_an_algebraic_value_no_rational_can_replace()
    {
        var (claim, theorem) = Claim("x < 1.4142 or y > 3", "x*x = 2", "x > 0");
        var model = Model(theorem, ("x", Algebraic(Sqrt2)), ("y", new RationalModelValue(Numbers.Rational.Parse("12345/9876"))));
        var check = claim.CheckModel(model);
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);

        var (simple, simpleCheck) = CounterexampleSimplifier.Simplify(claim, model, check);

        Assert.Equal(ModelCheckOutcome.Confirmed, simpleCheck.Outcome);
        Assert.IsType<AlgebraicModelValue>(simple[theorem.Variables.Single(v => v.Name == "x").Symbol]);
        Assert.Equal("0", simpleCheck.Assignment.Single(a => a.Key == "y").Value);
    }

    [Theory]
    [InlineData("(root-obj 0 1)")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) 7)")]
    [InlineData("(root-obj (^ x 100000) 1)")]
    [InlineData("(_ real_algebraic_number <1*x^2 + (-2), (5/4, 3/2)>)")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) 2")]
    public void An_unreadable_root_obj_leaves_the_model_inexact(string exact)
    {
        var (claim, theorem) = Claim("x < 1.4142", "x*x = 2", "x > 0");
        var check = claim.CheckModel(Model(theorem, ("x", Algebraic(exact))));
        Assert.Equal(ModelCheckOutcome.Inexact, check.Outcome);
        Assert.Contains("irrational number", check.Explanation);
    }
}

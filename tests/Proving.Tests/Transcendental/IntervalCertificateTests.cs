using Hms.Proving.Checking;
using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Obligations;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Transcendental;

/// <summary>
/// The interval certificate never certifies a non-violation: at random points close to the boundary of
/// statements whose exact truth is known by algebra, it may say Unknown but never the wrong value.
/// </summary>
public sealed class IntervalCertificateTests
{
    private static Truth Truth(string formula, int bits, params (string Name, Rational Value)[] values)
    {
        var tree = Parser.Parse(formula);
        new TypeChecker(new Dictionary<string, Sort>()).CheckFormula(tree);
        var evaluator = new IntervalEvaluator(bits);
        foreach (var (name, value) in values) evaluator.Bind(name, Value.Of(value));
        return evaluator.Truth(tree);
    }

    private static Rational Tiny(Random random) => new(random.Next(1, 10), System.Numerics.BigInteger.Pow(10, random.Next(1, 40)));

    [Fact]
    public void Near_the_boundary_of_roots_and_symbolic_powers_the_verdict_is_right_or_unknown()
    {
        var random = new Random(2026);
        var decided = 0;
        for (var i = 0; i < 300; i++)
        {
            var y = new Rational(random.Next(1, 400), random.Next(1, 30));
            var delta = random.Next(2) == 0 ? Tiny(random) : -Tiny(random);
            // sqrt(x) <= y  exactly when x <= y² (y > 0); x^(1/3) <= y exactly when x <= y³.
            foreach (var (formula, boundary) in new[] { ("sqrt(x) <= y", y * y), ("x^(1/3) <= y", y * y * y) })
            {
                var x = boundary + delta;
                if (x.Sign < 0) continue;
                var expected = x <= boundary;
                var truth = Truth(formula, 64, ("x", x), ("y", y));
                Assert.True(truth == Checking.Intervals.Truth.Unknown || (truth == Checking.Intervals.Truth.True) == expected,
                    $"{formula} at x = {x}, y = {y}: said {truth}, exactly {expected}");
                if (truth != Checking.Intervals.Truth.Unknown) decided++;
            }
            // A symbolic exponent goes through exp(e·log x): x^e <= z with e = 2 exactly when x² <= z.
            var b = new Rational(random.Next(1, 60), random.Next(1, 9));
            var z = b * b + delta;
            var truth2 = Truth("b^e <= z", 128, ("b", b), ("e", 2), ("z", z));
            Assert.True(truth2 == Checking.Intervals.Truth.Unknown || (truth2 == Checking.Intervals.Truth.True) == (b * b <= z),
                $"b^e <= z at b = {b}, z = {z}: said {truth2}");
        }
        Assert.True(decided > 100, $"only {decided} of the near-boundary comparisons were decided");
    }

    [Fact]
    public void Near_zero_the_exp_remainder_sign_is_never_misjudged()
    {
        // exp(a) <= 1 + a + a²/2 holds exactly for a <= 0 and fails for a > 0 (the remainder is a³/6·e^ξ).
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var a = random.Next(2) == 0 ? Tiny(random) : -Tiny(random);
            var truth = Truth("exp(a) <= 1 + a + a^2/2", 256, ("a", a));
            Assert.True(truth == Checking.Intervals.Truth.Unknown || (truth == Checking.Intervals.Truth.True) == (a.Sign <= 0),
                $"at a = {a}: said {truth}");
        }
    }

    [Fact]
    public void An_identity_is_never_certified_false()
    {
        var random = new Random(3);
        foreach (var formula in new[] { "log(x*y) = log(x) + log(y)", "exp(x + y) = exp(x)*exp(y)", "sqrt(x)^2 = x", "x^y * x^(1-y) = x" })
        {
            for (var i = 0; i < 50; i++)
            {
                var x = new Rational(random.Next(1, 1000), random.Next(1, 100));
                var y = new Rational(random.Next(-100, 100), random.Next(1, 100));
                Assert.NotEqual(Checking.Intervals.Truth.False, Truth(formula, 64, ("x", x), ("y", y)));
            }
        }
    }

    [Fact]
    public void Possibly_undefined_parts_are_unknown_not_false()
    {
        Assert.Equal(Checking.Intervals.Truth.Unknown, Truth("log(x) < 0", 64, ("x", 0)));
        Assert.Equal(Checking.Intervals.Truth.Unknown, Truth("1/(sqrt(x) - 1) > 0", 64, ("x", 1)));
        // The guard decides first, as in the exact evaluator.
        Assert.Equal(Checking.Intervals.Truth.True, Truth("x <= 0 or log(x) <= x - 1", 64, ("x", 0)));
    }

    [Fact]
    public void A_violation_with_a_margin_is_certified_and_a_true_statement_is_rejected()
    {
        var assumptions = new List<Formula> { Formula("assumption 1", "x > 0") };
        var statement = Formula("statement", "sqrt(x) >= x");
        IntervalJudgement At(Rational x) => new(
            (f, bits) => new IntervalEvaluator(bits).Bind("x", Value.Of(x)),
            bits => new IntervalEvaluator(bits).Bind("x", Value.Of(x)).Truth(statement.Tree), "sqrt(x) < x");
        var refuted = IntervalCheck.Run([new("x", "2")], assumptions, At(2), "sqrt(2) is irrational");
        Assert.Equal(ModelCheckOutcome.Confirmed, refuted.Outcome);
        Assert.True(refuted.ByIntervals);
        var holds = IntervalCheck.Run([new("x", "1/2")], assumptions, At(new Rational(1, 2)), "sqrt(1/2) is irrational");
        Assert.Equal(ModelCheckOutcome.Rejected, holds.Outcome);
    }

    private static Formula Formula(string role, string text)
    {
        var tree = Parser.Parse(text);
        new TypeChecker(new Dictionary<string, Sort>()).CheckFormula(tree);
        return new Formula(role, text, tree);
    }
}

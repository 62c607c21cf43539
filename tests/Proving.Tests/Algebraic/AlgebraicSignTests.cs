using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Numbers.Algebraic;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Algebraic;

/// <summary>
/// Sign determination at real algebraic points never certifies a non-violation: on random polynomials whose
/// value at the root is known exactly by construction (q = m·p + c, so q(α) = c, with c zero or tiny), the
/// evaluator answers the right truth or Unknown, and equalities are decided exactly.
/// </summary>
public sealed class AlgebraicSignTests
{
    private static Truth Decide(string formula, params (string Name, RealAlgebraic Value)[] values)
    {
        var tree = Parser.Parse(formula);
        new TypeChecker(new Dictionary<string, Sort>()).CheckFormula(tree);
        foreach (var bits in IntervalCheck.Precisions)
        {
            var evaluator = new IntervalEvaluator(bits);
            foreach (var (name, value) in values) evaluator.Bind(name, value);
            var truth = evaluator.Truth(tree);
            if (truth != Truth.Unknown) return truth;
        }
        return Truth.Unknown;
    }

    private static RealAlgebraic Root(Polynomial p, int index) =>
        RealAlgebraic.TryRoot(p, index).Value ?? throw new InvalidOperationException(RealAlgebraic.TryRoot(p, index).Error);

    private static string Text(Polynomial p, string x = "x") =>
        p.IsZero ? "0" : string.Join(" + ", Enumerable.Range(0, p.Degree + 1).Where(i => !p[i].IsZero)
            .Select(i => $"({Number(p[i])})" + (i == 0 ? "" : $"*{x}^{i}")));

    private static string Number(Rational r) => r.IsInteger ? r.ToString() : $"{r.Numerator}/{r.Denominator}";

    private static Polynomial Random(Random random, int degree, int range) =>
        new(Enumerable.Range(0, degree + 1).Select(i => (Rational)(i == degree ? random.Next(1, range) : random.Next(-range, range + 1))));

    private static Truth Of(bool b) => b ? Truth.True : Truth.False;

    [Fact]
    public void Random_polynomials_at_random_roots_get_the_right_sign_or_unknown_never_the_wrong_one()
    {
        var random = new Random(9);
        var decided = 0;
        var cases = 0;
        for (var i = 0; i < 120; i++)
        {
            // A polynomial with at least one real root: an odd degree.
            var p = Random(random, 2 * random.Next(1, 3) + 1, 9);
            var (alpha, _) = RealAlgebraic.TryRoot(p, 1);
            if (alpha is null || alpha.Rational is not null) continue;
            var c = random.Next(3) switch
            {
                0 => Rational.Zero,
                1 => new Rational(1, System.Numerics.BigInteger.Pow(10, random.Next(1, 200))),
                _ => -new Rational(1, System.Numerics.BigInteger.Pow(10, random.Next(1, 200))),
            };
            var q = Random(random, random.Next(0, 3), 5) * p + Polynomial.Constant(c);
            foreach (var (op, holds) in new (string, bool)[] { ("=", c.IsZero), ("!=", !c.IsZero), (">", c.Sign > 0), ("<", c.Sign < 0), (">=", c.Sign >= 0), ("<=", c.Sign <= 0) })
            {
                cases++;
                var truth = Decide($"{Text(q)} {op} 0", ("x", alpha));
                if (truth == Truth.Unknown) continue;
                Assert.True(truth == Of(holds), $"{Text(q)} {op} 0 at the first root of {p} (q(α) = {c}): {truth}");
                decided++;
            }
        }
        // Equalities are exact, and strict signs down to 10^-200 are within 4096 bits: nearly all decide.
        Assert.True(decided >= cases * 9 / 10, $"{decided} of {cases} decided");
    }

    [Fact]
    public void Equal_algebraic_values_satisfy_equalities_exactly()
    {
        var sqrt2 = Root(new Polynomial([-2, 0, 1]), 2);
        Assert.Equal(Truth.True, Decide("x*x = 2", ("x", sqrt2)));
        Assert.Equal(Truth.False, Decide("x*x < 2", ("x", sqrt2)));
        Assert.Equal(Truth.True, Decide("x^4 - 4 >= 0 and x^4 - 4 <= 0", ("x", sqrt2)));
        Assert.Equal(Truth.True, Decide("1/x = x/2", ("x", sqrt2)));
        Assert.Equal(Truth.True, Decide("x < 1.4142136 and x > 1.4142135", ("x", sqrt2)));
        Assert.Equal(Truth.False, Decide("x*x != 2 or x <= 0", ("x", sqrt2)));
        // One number under two names (the binding makes equal values one object): x - y = 0 exactly.
        Assert.Equal(Truth.True, Decide("x - y = 0 and x*y = 2", ("x", sqrt2), ("y", sqrt2)));
    }

    [Fact]
    public void Two_different_algebraic_numbers_are_compared_by_intervals_and_equalities_between_them_stay_undecided()
    {
        var sqrt2 = Root(new Polynomial([-2, 0, 1]), 2);
        var cbrt3 = Root(new Polynomial([-3, 0, 0, 1]), 1);
        Assert.Equal(Truth.True, Decide("x + y > 2.85 and x + y < 2.86", ("x", sqrt2), ("y", cbrt3)));
        // √2 and √2 written as a root of x^4 - 4 but held as two objects: equal, which only an exact route
        // over two numbers could show; it says Unknown rather than guess.
        var alsoSqrt2 = Root(new Polynomial([-4, 0, 0, 0, 1]), 2);
        Assert.Equal(Truth.Unknown, Decide("x = y", ("x", sqrt2), ("y", alsoSqrt2)));
        Assert.True(sqrt2.SameAs(alsoSqrt2));
    }
}

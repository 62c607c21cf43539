using Hms.Proving.Syntax;
using static Hms.Proving.Smt.Transcendental.LemmaTerms;

namespace Hms.Proving.Smt.Transcendental;

/// <summary>
/// Lemmas about one term: its sign, its value at the exponents and arguments where it is known, the tangent
/// and Bernoulli bounds, and for a constant exponent p/q the root it is (y ≥ 0 with y^q = x^p, which keeps the
/// query in nonlinear real arithmetic). Each is a theorem of real analysis under its guard.
/// </summary>
internal static class UnaryLemmas
{
    /// <summary>A root y^q = x^p is written out as products only while q·|p| stays this small.</summary>
    private const int MaxRootDegree = FormulaLimits.MaxPolynomialExponent;

    public static IEnumerable<SExpr> About(SExpr term) => term switch
    {
        SList { Items: [SSymbol { Name: TranscendentalSymbols.Pow }, var x, var e] } => Power(term, x, e),
        SList { Items: [SSymbol { Name: TranscendentalSymbols.Exp }, var a] } => ExpOf(term, a),
        SList { Items: [SSymbol { Name: TranscendentalSymbols.Log }, var x] } => LogOf(term, x),
        _ => [],
    };

    private static IEnumerable<SExpr> Power(SExpr p, SExpr x, SExpr e)
    {
        var positive = Op(">", x, Zero);
        // x^e > 0 for x > 0; 0^e = 0 for e > 0; x^0 = 1 and 1^e = 1; x^1 = x (also at 0); x^(−1)·x = 1.
        yield return Implies(positive, Op(">", p, Zero));
        yield return Implies(And(Op("=", x, Zero), Op(">", e, Zero)), Op("=", p, Zero));
        yield return Implies(And(positive, Op("=", e, Zero)), Op("=", p, One));
        yield return Implies(Op("=", x, One), Op("=", p, One));
        yield return Implies(And(Op(">=", x, Zero), Op("=", e, One)), Op("=", p, x));
        yield return Implies(And(positive, Op("=", e, MinusOne)), Op("=", Op("*", p, x), One));
        // Against 1: x > 1 makes x^e > 1 for e > 0 and < 1 for e < 0; 0 < x < 1 the reverse.
        var above = Op(">", x, One);
        var below = And(positive, Op("<", x, One));
        yield return Implies(And(above, Op(">", e, Zero)), Op(">", p, One));
        yield return Implies(And(above, Op("<", e, Zero)), Op("<", p, One));
        yield return Implies(And(below, Op(">", e, Zero)), Op("<", p, One));
        yield return Implies(And(below, Op("<", e, Zero)), Op(">", p, One));
        // Bernoulli: x^e ≤ 1 + e(x − 1) for 0 ≤ e ≤ 1, ≥ for e ≥ 1 or e ≤ 0 (x > 0): x^e is concave or convex in x.
        var tangent = Op("+", One, Op("*", e, Op("-", x, One)));
        yield return Implies(And(positive, Op(">=", e, Zero), Op("<=", e, One)), Op("<=", p, tangent));
        yield return Implies(And(positive, Op("or", Op(">=", e, One), Op("<=", e, Zero))), Op(">=", p, tangent));
        if (Constant(e) is { IsInteger: false } r && r.Denominator <= MaxRootDegree &&
            System.Numerics.BigInteger.Abs(r.Numerator) * r.Denominator <= MaxRootDegree)
        {
            var q = (int)r.Denominator;
            var n = (int)System.Numerics.BigInteger.Abs(r.Numerator);
            // y = x^(p/q) is the one y ≥ 0 with y^q = x^p (x ≥ 0, p > 0); for p < 0 the one y > 0 with y^q·x^|p| = 1.
            yield return r.Sign > 0
                ? Implies(Op(">=", x, Zero), And(Op(">=", p, Zero), Op("=", Product(p, q), Product(x, n))))
                : Implies(positive, And(Op(">", p, Zero), Op("=", Op("*", Product(p, q), Product(x, n)), One)));
        }
    }

    private static IEnumerable<SExpr> ExpOf(SExpr t, SExpr a)
    {
        // exp a > 0; exp a ≥ 1 + a, strictly unless a = 0 (the tangent at 0 of a strictly convex function);
        // exp 0 = 1; exp a ≤ 1/(1 − a) for a < 1 (the tangent bound applied to exp(−a)); for a ≥ 0 the Taylor
        // polynomial of degree 3 is below it (every term of the series is ≥ 0).
        yield return Op(">", t, Zero);
        yield return Op(">=", t, Op("+", One, a));
        yield return Implies(Op("not", Op("=", a, Zero)), Op(">", t, Op("+", One, a)));
        yield return Implies(Op("=", a, Zero), Op("=", t, One));
        yield return Implies(Op("<", a, One), Op("<=", Op("*", t, Op("-", One, a)), One));
        yield return Implies(Op(">=", a, Zero),
            Op(">=", t, Op("+", One, a, Op("/", Op("*", a, a), new SAtom("2.0")), Op("/", Op("*", a, a, a), new SAtom("6.0")))));
    }

    private static IEnumerable<SExpr> LogOf(SExpr t, SExpr x)
    {
        var positive = Op(">", x, Zero);
        // log x ≤ x − 1 and x·log x ≥ x − 1 (that is log x ≥ 1 − 1/x), both for x > 0; log 1 = 0;
        // log x > 0 for x > 1 and < 0 for 0 < x < 1.
        yield return Implies(positive, Op("<=", t, Op("-", x, One)));
        yield return Implies(positive, Op(">=", Op("*", x, t), Op("-", x, One)));
        yield return Implies(Op("=", x, One), Op("=", t, Zero));
        yield return Implies(Op(">", x, One), Op(">", t, Zero));
        yield return Implies(And(positive, Op("<", x, One)), Op("<", t, Zero));
    }
}

using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Numbers.Algebraic;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Checking.Algebraic;

/// <summary>
/// Decides exactly whether two numeric terms are equal at a point where some names are real algebraic numbers,
/// which interval arithmetic can never do (an enclosure of √2·√2 − 2 always straddles 0). Both terms are
/// written as one rational function N/D of a single algebraic number α (rationals substituted, reduced modulo
/// α's polynomial), and N(α) = 0 is decided by <see cref="RealAlgebraic.IsRootOf"/>. It only answers where
/// that is exact: a term with two different algebraic numbers, sqrt/exp/log, abs/min/max, or a power past
/// the limits gives null (undecided), never a guess. D(α) ≠ 0 because it is only asked after interval
/// evaluation of the same terms succeeded, which needs every divisor's enclosure to exclude 0.
/// </summary>
internal sealed class AlgebraicZeroTest(
    Func<string, (Value? Rational, RealAlgebraic? Algebraic)?> lookup, Func<Expr, Truth> truth)
{
    private const int MaxExponent = 1024;

    private readonly record struct Term(Polynomial Numerator, Polynomial Denominator, RealAlgebraic? Alpha);

    private sealed class NotAlgebraic : Exception;

    /// <summary>True: left = right exactly; false: they differ; null: not decidable this way.</summary>
    public bool? Equal(Expr left, Expr right)
    {
        try
        {
            var l = Evaluate(left);
            var r = Evaluate(right);
            var alpha = Common(l.Alpha, r.Alpha);
            var difference = Reduce(l.Numerator * r.Denominator - r.Numerator * l.Denominator, alpha);
            if (alpha is null) return difference.IsZero;
            return alpha.IsRootOf(difference);
        }
        catch (NotAlgebraic)
        {
            return null;
        }
    }

    private Term Evaluate(Expr e)
    {
        switch (e)
        {
            case NumberExpr n:
                return Constant(n.Value);
            case NameExpr name:
                return lookup(name.Name) switch
                {
                    { Algebraic: { } a } => a.Rational is { } exact ? Constant(exact) : new Term(Polynomial.X, Polynomial.One, a),
                    { Rational: { IsBool: false } v } => Constant(v.Number),
                    _ => throw new NotAlgebraic(),
                };
            case UnaryExpr u:
            {
                var t = Evaluate(u.Operand);
                return t with { Numerator = -t.Numerator };
            }
            case BinaryExpr { Operator: BinaryOperator.Power } p:
                return Power(p);
            case BinaryExpr b when b.Operator is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide:
            {
                var l = Evaluate(b.Left);
                var r = Evaluate(b.Right);
                var alpha = Common(l.Alpha, r.Alpha);
                var (n, d) = b.Operator switch
                {
                    BinaryOperator.Add => (l.Numerator * r.Denominator + r.Numerator * l.Denominator, l.Denominator * r.Denominator),
                    BinaryOperator.Subtract => (l.Numerator * r.Denominator - r.Numerator * l.Denominator, l.Denominator * r.Denominator),
                    BinaryOperator.Multiply => (l.Numerator * r.Numerator, l.Denominator * r.Denominator),
                    _ => (l.Numerator * r.Denominator, l.Denominator * r.Numerator),
                };
                return Make(n, d, alpha);
            }
            case IfExpr ite:
                return truth(ite.Condition) switch
                {
                    Truth.True => Evaluate(ite.Then),
                    Truth.False => Evaluate(ite.Else),
                    _ => throw new NotAlgebraic(),
                };
            default:
                throw new NotAlgebraic();
        }
    }

    private Term Power(BinaryExpr p)
    {
        if (PowerForm.ConstantExponent(p) is not { IsInteger: true } exponent || BigIntegerAbs(exponent) > MaxExponent)
            throw new NotAlgebraic();
        var n = (int)exponent.Numerator;
        var b = Evaluate(p.Left);
        var (num, den) = (Polynomial.One, Polynomial.One);
        var (baseNum, baseDen) = (b.Numerator, b.Denominator);
        // Square and multiply, reducing modulo α's polynomial at every step so the degree stays below it.
        for (var k = Math.Abs(n); k > 0; k >>= 1)
        {
            if ((k & 1) == 1) (num, den) = (Reduce(num * baseNum, b.Alpha), Reduce(den * baseDen, b.Alpha));
            (baseNum, baseDen) = (Reduce(baseNum * baseNum, b.Alpha), Reduce(baseDen * baseDen, b.Alpha));
            Guard(num, den);
        }
        return n >= 0 ? Make(num, den, b.Alpha) : Make(den, num, b.Alpha);
    }

    private static int BigIntegerAbs(Rational r) =>
        System.Numerics.BigInteger.Abs(r.Numerator) > MaxExponent ? int.MaxValue : (int)System.Numerics.BigInteger.Abs(r.Numerator);

    private static Term Constant(Rational value) => new(Polynomial.Constant(value), Polynomial.One, null);

    private static Term Make(Polynomial numerator, Polynomial denominator, RealAlgebraic? alpha)
    {
        var n = Reduce(numerator, alpha);
        var d = Reduce(denominator, alpha);
        if (d.IsZero) throw new NotAlgebraic(); // cannot happen after interval evaluation; never divide by it
        // Keep constants' size in check: a rational denominator folds into the numerator.
        if (d.Degree == 0) (n, d) = (n.Scale(Rational.One / d[0]), Polynomial.One);
        Guard(n, d);
        return new(n, d, alpha);
    }

    private static void Guard(Polynomial n, Polynomial d)
    {
        if (n.Degree > AlgebraicLimits.MaxExpressionDegree || d.Degree > AlgebraicLimits.MaxExpressionDegree ||
            n.CoefficientBits > 64L * AlgebraicLimits.MaxCoefficientBits || d.CoefficientBits > 64L * AlgebraicLimits.MaxCoefficientBits)
            throw new NotAlgebraic();
    }

    private static Polynomial Reduce(Polynomial p, RealAlgebraic? alpha) =>
        alpha is null || p.Degree < alpha.Polynomial.Degree ? p : p.Mod(alpha.Polynomial);

    /// <summary>The one algebraic number of both operands (equal numbers were made one object by the binding).</summary>
    private static RealAlgebraic? Common(RealAlgebraic? a, RealAlgebraic? b) =>
        a is null ? b : b is null || ReferenceEquals(a, b) ? a : throw new NotAlgebraic();
}

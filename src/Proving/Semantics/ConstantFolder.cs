using Hms.Proving.Numbers;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// Folds a closed arithmetic expression (an exponent, say) to its exact value. A power is computed only when
/// its result fits <see cref="FormulaLimits.MaxFoldedBits"/>; a larger one is an error at the power, found
/// before any work is done, so a 40-byte formula cannot demand a number with millions of digits.
/// </summary>
public static class ConstantFolder
{
    /// <summary>The value of <paramref name="expr"/> when it uses only numbers and + - * / ^; otherwise null.</summary>
    /// <exception cref="FormulaException">a power in it would produce a number over the limit.</exception>
    public static Rational? TryFold(Expr expr) => expr switch
    {
        NumberExpr n => n.Value,
        UnaryExpr { Operator: UnaryOperator.Negate } u => TryFold(u.Operand) is { } v ? -v : null,
        BinaryExpr b when TryFold(b.Left) is { } l && TryFold(b.Right) is { } r => Apply(b, l, r),
        _ => null,
    };

    /// <summary>One folding step: <paramref name="b"/>'s operator applied to its operands' values; null where undefined or not folded.</summary>
    /// <exception cref="FormulaException">a power whose result would exceed <see cref="FormulaLimits.MaxFoldedBits"/>.</exception>
    public static Rational? Apply(BinaryExpr b, Rational l, Rational r) => b.Operator switch
    {
        BinaryOperator.Add => l + r,
        BinaryOperator.Subtract => l - r,
        BinaryOperator.Multiply => l * r,
        BinaryOperator.Divide when !r.IsZero => l / r,
        BinaryOperator.Power when r.IsInteger && ExponentFits(r) && (!l.IsZero || r.Sign >= 0) => Power(b, l, (int)r.Numerator),
        _ => null,
    };

    private static Rational Power(BinaryExpr b, Rational x, int exponent)
    {
        // |x|^n has at least (bits - 1) * n + 1 bits: a lower bound, so nothing under the limit is refused.
        var bits = Math.Max(x.Numerator.GetBitLength(), x.Denominator.GetBitLength());
        var atLeast = (bits - 1) * Math.Abs(exponent) + 1;
        if (atLeast > FormulaLimits.MaxFoldedBits)
            throw new FormulaException(b.Start,
                $"constant too large: this power would have at least {atLeast:N0} bits; a constant computed with '^' may have at most {FormulaLimits.MaxFoldedBits:N0} bits");
        return x.Pow(exponent);
    }

    private static bool ExponentFits(Rational r) =>
        r.Numerator >= -FormulaLimits.MaxPolynomialExponent && r.Numerator <= FormulaLimits.MaxPolynomialExponent;
}

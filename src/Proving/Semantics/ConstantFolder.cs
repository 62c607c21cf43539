using Hms.Proving.Numbers;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>Folds a closed arithmetic expression (an exponent, say) to its exact value.</summary>
public static class ConstantFolder
{
    /// <summary>The value of <paramref name="expr"/> when it uses only numbers and + - * / ^; otherwise null.</summary>
    public static Rational? TryFold(Expr expr) => expr switch
    {
        NumberExpr n => n.Value,
        UnaryExpr { Operator: UnaryOperator.Negate } u => TryFold(u.Operand) is { } v ? -v : null,
        BinaryExpr b when TryFold(b.Left) is { } l && TryFold(b.Right) is { } r => b.Operator switch
        {
            BinaryOperator.Add => l + r,
            BinaryOperator.Subtract => l - r,
            BinaryOperator.Multiply => l * r,
            BinaryOperator.Divide when !r.IsZero => l / r,
            BinaryOperator.Power when r.IsInteger && BigIntegerFits(r) && (!l.IsZero || r.Sign >= 0) => l.Pow((int)r.Numerator),
            _ => null,
        },
        _ => null,
    };

    private static bool BigIntegerFits(Rational r) =>
        r.Numerator >= -FormulaLimits.MaxPolynomialExponent && r.Numerator <= FormulaLimits.MaxPolynomialExponent;
}

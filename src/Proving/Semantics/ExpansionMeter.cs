using Hms.Proving.Numbers;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// Bounds what a typed formula becomes before anything is built from it. The encoder writes x^n as n copies
/// of x, abs(x) as three and min/max as nested conditionals, so sizes multiply along a nesting and a short
/// formula can expand into millions of terms; the exact evaluator computes every constant power. One bottom-up
/// pass counts the SMT-LIB terms each node expands into (saturating, never overflowing) and folds constant
/// subtrees once, and stops at the first node over <see cref="FormulaLimits.MaxExpandedTerms"/> or
/// <see cref="FormulaLimits.MaxFoldedBits"/>, naming its position.
/// </summary>
public static class ExpansionMeter
{
    /// <exception cref="FormulaException">a node expands past the limit, or a constant power is too large.</exception>
    public static void Require(Expr formula, CancellationToken cancellationToken = default) =>
        Measure(formula, cancellationToken);

    /// <summary>Terms the encoder writes for <paramref name="formula"/> (at most the limit plus one node's growth).</summary>
    public static long TermsOf(Expr formula) => Measure(formula, default).Terms;

    private static (long Terms, Rational? Value) Measure(Expr e, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        (long Terms, Rational? Value) measured = e switch
        {
            NumberExpr n => (1L, n.Value),
            BoolExpr or NameExpr => (1L, null),
            UnaryExpr { Operator: UnaryOperator.Negate } u => Negate(Measure(u.Operand, ct)),
            BinaryExpr { Operator: BinaryOperator.Power } p => Power(p, ct),
            BinaryExpr b => Binary(b, ct),
            CallExpr call => (Call(call, ct), null),
            _ => (1 + e.Children.Sum(c => Measure(c, ct).Terms), null),
        };
        if (measured.Terms > FormulaLimits.MaxExpandedTerms)
            throw new FormulaException(e.Start,
                $"expression too large: written out for the solver (powers as products, abs, min and max as conditionals) it has over {FormulaLimits.MaxExpandedTerms:N0} terms; use smaller or fewer nested exponents");
        return measured;
    }

    private static (long, Rational?) Negate((long Terms, Rational? Value) operand) => (operand.Terms + 1, -operand.Value);

    private static (long, Rational?) Binary(BinaryExpr b, CancellationToken ct)
    {
        var (lt, lv) = Measure(b.Left, ct);
        var (rt, rv) = Measure(b.Right, ct);
        return (1 + lt + rt, lv is { } l && rv is { } r ? ConstantFolder.Apply(b, l, r) : null);
    }

    private static (long, Rational?) Power(BinaryExpr p, CancellationToken ct)
    {
        var (bt, bv) = Measure(p.Left, ct);
        // The type checker made the exponent a constant of magnitude at most MaxPolynomialExponent.
        var exponent = Measure(p.Right, ct).Value ?? Rational.Zero;
        var copies = exponent.IsInteger ? (long)BigIntegerMagnitude(exponent) : 1;
        var terms = copies <= 1 ? bt + 2 : Times(copies, bt) + 2;
        return (terms, bv is { } x ? ConstantFolder.Apply(p, x, exponent) : null);
    }

    private static long Call(CallExpr call, CancellationToken ct)
    {
        var sizes = call.Arguments.Select(a => Measure(a, ct).Terms).ToList();
        switch (call.Function)
        {
            case Function.Abs:
                return Times(3, sizes[0]) + 4;
            case Function.Min or Function.Max:
                // acc' = (ite (op acc next) acc next): the accumulated term is copied twice at each step.
                var acc = sizes[0];
                foreach (var next in sizes.Skip(1))
                    acc = Saturate(Times(2, acc) + Times(2, next) + 2);
                return acc;
            default:
                return sizes[0] + 2;
        }
    }

    private static long BigIntegerMagnitude(Rational integer) =>
        (long)System.Numerics.BigInteger.Min(System.Numerics.BigInteger.Abs(integer.Numerator), long.MaxValue);

    // Sizes stop growing just past the limit, so sums and products of them never overflow a long.
    private static long Times(long a, long b) => a > FormulaLimits.MaxExpandedTerms || b > FormulaLimits.MaxExpandedTerms
        ? FormulaLimits.MaxExpandedTerms + 1L
        : Saturate(a * b);

    private static long Saturate(long terms) => Math.Min(terms, FormulaLimits.MaxExpandedTerms + 1L);
}

using Hms.Proving.Numbers;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Builds core nodes for elaboration, all pointing at one <see cref="Span"/>, and simplifies as it builds:
/// constants are folded and 0 and 1 are dropped where they change nothing (x + 0, 1 * x, x^1, --x, 0 * x).
/// Each rewrite is an identity of real arithmetic wherever both sides are defined; dropping an operand
/// (0 * x, 0 / y) can only drop that operand's definedness conditions, and a derivative keeps those of the
/// function it came from (see <see cref="Differentiator"/>), so no obligation the user's text implies is lost.
/// </summary>
internal sealed class Terms(Span span, ElaborationBudget budget)
{
    public Span Span => span;

    public ElaborationBudget Budget => budget;

    public Expr Number(Rational value)
    {
        var literal = Made(new NumberExpr(span.Start, span.End, value.Abs(), value.IsInteger));
        return value.Sign < 0 ? Made(new UnaryExpr(span.Start, span.End, UnaryOperator.Negate, literal)) : literal;
    }

    public Expr Zero => Number(Rational.Zero);
    public Expr One => Number(Rational.One);

    /// <summary>The value of a literal or a negated literal; null for anything else.</summary>
    public static Rational? Constant(Expr e) => e switch
    {
        NumberExpr n => n.Value,
        UnaryExpr { Operator: UnaryOperator.Negate, Operand: NumberExpr n } => -n.Value,
        _ => null,
    };

    private static bool Is(Expr e, int value) => Constant(e) is { } c && c == value;

    public Expr Negate(Expr a) => a switch
    {
        _ when Constant(a) is { } c => Number(-c),
        UnaryExpr { Operator: UnaryOperator.Negate } u => u.Operand,
        _ => Made(new UnaryExpr(span.Start, span.End, UnaryOperator.Negate, a)),
    };

    public Expr Add(Expr a, Expr b)
    {
        if (Constant(a) is { } x && Constant(b) is { } y) return Number(x + y);
        if (Is(a, 0)) return b;
        if (Is(b, 0)) return a;
        if (b is UnaryExpr { Operator: UnaryOperator.Negate } nb) return Subtract(a, nb.Operand);
        return Binary(BinaryOperator.Add, a, b);
    }

    public Expr Subtract(Expr a, Expr b)
    {
        if (Constant(a) is { } x && Constant(b) is { } y) return Number(x - y);
        if (Is(b, 0)) return a;
        if (Is(a, 0)) return Negate(b);
        if (b is UnaryExpr { Operator: UnaryOperator.Negate } nb) return Add(a, nb.Operand);
        return Binary(BinaryOperator.Subtract, a, b);
    }

    public Expr Multiply(Expr a, Expr b)
    {
        if (Constant(a) is { } x && Constant(b) is { } y) return Number(x * y);
        if (Is(a, 0) || Is(b, 0)) return Zero;
        if (Is(a, 1)) return b;
        if (Is(b, 1)) return a;
        if (Is(a, -1)) return Negate(b);
        if (Is(b, -1)) return Negate(a);
        // Constants to the front, and two constants meet: 2 * (3 * x) is 6 * x.
        if (Constant(b) is not null && Constant(a) is null) return Multiply(b, a);
        if (Constant(a) is { } c && b is BinaryExpr { Operator: BinaryOperator.Multiply } inner && Constant(inner.Left) is { } d)
            return Multiply(Number(c * d), inner.Right);
        if (a is UnaryExpr { Operator: UnaryOperator.Negate } na) return Negate(Multiply(na.Operand, b));
        if (b is UnaryExpr { Operator: UnaryOperator.Negate } nb) return Negate(Multiply(a, nb.Operand));
        return Binary(BinaryOperator.Multiply, a, b);
    }

    public Expr Divide(Expr a, Expr b)
    {
        if (Constant(a) is { } x && Constant(b) is { } y && !y.IsZero) return Number(x / y);
        if (Is(a, 0) && Constant(b) is not { IsZero: true }) return Zero;
        if (Is(b, 1)) return a;
        return Binary(BinaryOperator.Divide, a, b);
    }

    /// <summary>base^exponent; a constant exponent is written as a literal.</summary>
    public Expr Power(Expr a, Expr exponent)
    {
        if (Is(exponent, 1)) return a;
        if (Is(exponent, 0)) return One;
        return Binary(BinaryOperator.Power, a, exponent);
    }

    public Expr Call(Function function, Expr argument) =>
        Made(new CallExpr(span.Start, span.End, function, [argument]));

    public Expr Binary(BinaryOperator op, Expr a, Expr b) => Made(new BinaryExpr(span.Start, span.End, op, a, b));

    public Expr Compare(CompareOperator op, Expr a, Expr b) => Made(new CompareExpr(span.Start, span.End, op, a, b));

    public Expr Not(Expr a) => Made(new UnaryExpr(span.Start, span.End, UnaryOperator.Not, a));

    public Expr If(Expr condition, Expr then, Expr otherwise) => Made(new IfExpr(span.Start, span.End, condition, then, otherwise));

    public Expr Forall(Binder binder, Expr body) => Made(new QuantifierExpr(span.Start, span.End, Quantifier.Forall, [binder], body));

    /// <summary>A conjunction of the conditions, or null when there are none.</summary>
    public Expr? All(IEnumerable<Expr> conditions) =>
        conditions.Aggregate((Expr?)null, (all, c) => all is null ? c : Binary(BinaryOperator.And, all, c));

    /// <summary>A balanced sum, so that a sum of a thousand terms is ten levels deep, not a thousand.</summary>
    public Expr Sum(IReadOnlyList<Expr> terms) => terms.Count switch
    {
        0 => Zero,
        1 => terms[0],
        _ => Add(Sum([.. terms.Take(terms.Count / 2)]), Sum([.. terms.Skip(terms.Count / 2)])),
    };

    private T Made<T>(T expr) where T : Expr
    {
        budget.Count(span);
        if (expr.Height > FormulaLimits.MaxHeight)
            throw new FormulaException(span.Start,
                $"this expands to a formula nested deeper than {FormulaLimits.MaxHeight} levels; split it into assumptions or definitions");
        return expr;
    }
}

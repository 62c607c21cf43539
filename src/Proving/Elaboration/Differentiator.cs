using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// The one place where d(EXPR, x) is computed: the partial derivative of a core numeric tree with respect to
/// one variable, every other name held constant, by the rules of calculus (sum, product, quotient, chain;
/// constant and symbolic powers, sqrt, exp, log). <see cref="Terms"/> simplifies as the result is built.
/// A construct that is not differentiable everywhere (abs, min, max, if) is an error naming it when it
/// depends on the variable; not depending on it, it is a constant and its derivative 0.
/// </summary>
/// <remarks>
/// The derivative is defined where the function and the derivative expression both are: the caller wraps the
/// result in the function's <see cref="DomainConditions"/>, so d(log(x), x) needs x &gt; 0 although 1/x would
/// only need x ≠ 0.
/// </remarks>
internal sealed class Differentiator(string variable, Terms terms, ElaborationBudget budget)
{
    public Expr Derive(Expr e) => DeriveNode(e);

    private bool Depends(Expr e) => FreeNames.Mentions(e, variable);

    private Expr Copy(Expr e) => Substitution.Clone(e, budget);

    private Expr DeriveNode(Expr e)
    {
        switch (e)
        {
            case NumberExpr:
                return terms.Zero;
            case NameExpr n:
                return n.Name == variable ? terms.One : terms.Zero;
            case UnaryExpr { Operator: UnaryOperator.Negate } u:
                return terms.Negate(Derive(u.Operand));
            case BinaryExpr { Operator: BinaryOperator.Add } b:
                return terms.Add(Derive(b.Left), Derive(b.Right));
            case BinaryExpr { Operator: BinaryOperator.Subtract } b:
                return terms.Subtract(Derive(b.Left), Derive(b.Right));
            case BinaryExpr { Operator: BinaryOperator.Multiply } b:
                return terms.Add(terms.Multiply(Derive(b.Left), Copy(b.Right)), terms.Multiply(Copy(b.Left), Derive(b.Right)));
            case BinaryExpr { Operator: BinaryOperator.Divide } b:
                return Quotient(b.Left, b.Right);
            case BinaryExpr { Operator: BinaryOperator.Power } b:
                return Power(b.Left, b.Right);
            case CallExpr { Function: Function.Sqrt } c:
                // (sqrt u)' = u' / (2 sqrt u)
                return terms.Divide(Derive(c.Arguments[0]), terms.Multiply(terms.Number(2), Copy(c)));
            case CallExpr { Function: Function.Exp } c:
                return terms.Multiply(Copy(c), Derive(c.Arguments[0]));
            case CallExpr { Function: Function.Log } c:
                return terms.Divide(Derive(c.Arguments[0]), Copy(c.Arguments[0]));
            case IfExpr guard when DomainConditions.IsGuard(guard):
                // A derivative inside a derivative: d of (if DOMAIN then f' else undefined) is f'' on the same domain.
                return DomainConditions.Guard(terms, Copy(guard.Condition), Derive(guard.Then));
            case CallExpr or IfExpr when !Depends(e):
                return terms.Zero;
            case CallExpr c:
                throw new FormulaException(e.Start,
                    $"d(…, {variable}) cannot differentiate {OperatorText.Of(c.Function)}(…) at {e.Start}: it has a kink ({Kink(c.Function)}); state the cases separately, e.g. with assumptions");
            case IfExpr:
                throw new FormulaException(e.Start,
                    $"d(…, {variable}) cannot differentiate 'if … then … else …' at {e.Start}: it may jump or kink where its condition changes; state the cases separately");
            default:
                throw new FormulaException(e.Start,
                    $"d(…, {variable}) needs a numeric expression; found a formula (true or false) at {e.Start}");
        }
    }

    private static string Kink(Function f) => f switch
    {
        Function.Abs => "abs(u) where u = 0",
        Function.Min => "min(u, v) where u = v",
        _ => "max(u, v) where u = v",
    };

    private Expr Quotient(Expr u, Expr v)
    {
        if (!Depends(v)) return terms.Divide(Derive(u), Copy(v));
        // (u/v)' = (u' v - u v') / v^2
        var numerator = terms.Subtract(terms.Multiply(Derive(u), Copy(v)), terms.Multiply(Copy(u), Derive(v)));
        return terms.Divide(numerator, terms.Power(Copy(v), terms.Number(2)));
    }

    private Expr Power(Expr u, Expr exponent)
    {
        var dependsBase = Depends(u);
        var dependsExponent = Depends(exponent);
        if (!dependsBase && !dependsExponent) return terms.Zero;
        if (ConstantFolder.TryFold(exponent) is { } n)
        {
            // (u^n)' = n u^(n-1) u'
            return terms.Multiply(terms.Multiply(terms.Number(n), terms.Power(Copy(u), terms.Number(n - Rational.One))), Derive(u));
        }
        if (!dependsExponent)
        {
            var lower = terms.Power(Copy(u), terms.Subtract(Copy(exponent), terms.One));
            return terms.Multiply(terms.Multiply(Copy(exponent), lower), Derive(u));
        }
        var power = terms.Power(Copy(u), Copy(exponent));
        var log = terms.Call(Function.Log, Copy(u));
        if (!dependsBase)
            return terms.Multiply(terms.Multiply(power, log), Derive(exponent));
        // (u^v)' = u^v (v' log u + v u' / u)
        var inner = terms.Add(terms.Multiply(Derive(exponent), log), terms.Divide(terms.Multiply(Copy(exponent), Derive(u)), Copy(u)));
        return terms.Multiply(power, inner);
    }
}

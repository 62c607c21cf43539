using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Where a numeric expression is defined, as a formula: divisors non-zero, sqrt arguments non-negative, log
/// arguments positive, bases of negative or fractional constant powers as the definedness rules require —
/// following the same rules and the same guards (if-branches assume their condition) as
/// <see cref="Obligations.DefinednessWalker"/>. A derivative keeps its function's domain through
/// <see cref="Guard"/>: the value is the derivative where the domain holds and undefined (0/0) elsewhere, so
/// the usual definedness obligations require the domain wherever the derivative is used.
/// </summary>
internal static class DomainConditions
{
    public static IReadOnlyList<Expr> Of(Expr e, Terms terms)
    {
        var conditions = new List<Expr>();
        Collect(e, terms, conditions);
        // The same divisor written twice needs stating once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. conditions.Where(c => seen.Add(FormulaPrinter.Print(c)))];
    }

    /// <summary>if DOMAIN then VALUE else 0/0: VALUE where DOMAIN holds, undefined elsewhere.</summary>
    public static Expr Guard(Terms terms, Expr domain, Expr value) =>
        terms.If(domain, value, terms.Binary(BinaryOperator.Divide, terms.Zero, terms.Zero));

    public static bool IsGuard(IfExpr e) =>
        e.Else is BinaryExpr { Operator: BinaryOperator.Divide, Left: NumberExpr { Value.IsZero: true }, Right: NumberExpr { Value.IsZero: true } };

    private static void Collect(Expr e, Terms terms, List<Expr> into)
    {
        switch (e)
        {
            case BinaryExpr { Operator: BinaryOperator.Divide } b:
                Collect(b.Left, terms, into);
                Collect(b.Right, terms, into);
                into.Add(terms.Compare(CompareOperator.NotEqual, Copy(b.Right, terms), terms.Zero));
                break;
            case BinaryExpr { Operator: BinaryOperator.Power } b when ConstantFolder.TryFold(b.Right) is { } n:
                Collect(b.Left, terms, into);
                if (n.Sign < 0)
                    into.Add(terms.Compare(n.IsInteger ? CompareOperator.NotEqual : CompareOperator.Greater, Copy(b.Left, terms), terms.Zero));
                else if (!n.IsInteger)
                    into.Add(terms.Compare(CompareOperator.GreaterEqual, Copy(b.Left, terms), terms.Zero));
                break;
            case CallExpr { Function: Function.Sqrt or Function.Log } c:
                Collect(c.Arguments[0], terms, into);
                var op = c.Function == Function.Sqrt ? CompareOperator.GreaterEqual : CompareOperator.Greater;
                into.Add(terms.Compare(op, Copy(c.Arguments[0], terms), terms.Zero));
                break;
            case IfExpr guard when IsGuard(guard):
                // A derivative's guard: its domain is required outright, and where it holds, its value's.
                Collect(guard.Condition, terms, into);
                into.Add(Copy(guard.Condition, terms));
                Collect(guard.Then, terms, into);
                break;
            case IfExpr ite:
                Collect(ite.Condition, terms, into);
                Guarded(terms, into, Copy(ite.Condition, terms), ite.Then);
                Guarded(terms, into, terms.Not(Copy(ite.Condition, terms)), ite.Else);
                break;
            case BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Implies } b:
                Collect(b.Left, terms, into);
                Guarded(terms, into, Copy(b.Left, terms), b.Right);
                break;
            case BinaryExpr { Operator: BinaryOperator.Or } b:
                Collect(b.Left, terms, into);
                Guarded(terms, into, terms.Not(Copy(b.Left, terms)), b.Right);
                break;
            case QuantifierExpr q:
                var inner = Of(q.Body, terms);
                if (inner.Count > 0)
                    into.Add(new QuantifierExpr(terms.Span.Start, terms.Span.End, Quantifier.Forall, q.Binders, terms.All(inner)!));
                break;
            default:
                foreach (var child in e.Children) Collect(child, terms, into);
                break;
        }
    }

    private static void Guarded(Terms terms, List<Expr> into, Expr assumption, Expr e)
    {
        var inner = Of(e, terms);
        if (inner.Count > 0) into.Add(terms.Binary(BinaryOperator.Implies, assumption, terms.All(inner)!));
    }

    private static Expr Copy(Expr e, Terms terms) => Substitution.Clone(e, BudgetOf(terms));

    private static ElaborationBudget BudgetOf(Terms terms) => terms.Budget;
}

using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// Finds every operation that can be undefined (division, sqrt, log, powers with negative or fractional
/// exponents) together with the facts that hold where it is evaluated: the right side of 'and' and '->'
/// may assume the left, the right of 'or' its negation, the branches of 'if' their condition, and later
/// links of a comparison chain the earlier ones. Children are visited before their parent, left to right.
/// </summary>
public sealed class DefinednessWalker
{
    private readonly List<PathCondition> path = [];
    private readonly List<Binder> binders = [];
    private readonly List<DefinednessSite> sites = [];

    public static IReadOnlyList<DefinednessSite> Walk(Expr formula)
    {
        var walker = new DefinednessWalker();
        walker.Visit(formula);
        return walker.sites;
    }

    private void Visit(Expr expr)
    {
        switch (expr)
        {
            case BinaryExpr { Operator: BinaryOperator.And } b:
                Guarded(b.Left, b.Right, holds: true);
                break;
            case BinaryExpr { Operator: BinaryOperator.Implies } b:
                Guarded(b.Left, b.Right, holds: true);
                break;
            case BinaryExpr { Operator: BinaryOperator.Or } b:
                Guarded(b.Left, b.Right, holds: false);
                break;
            case IfExpr ite:
                Visit(ite.Condition);
                Under(new PathCondition(ite.Condition, true, binders.Count), () => Visit(ite.Then));
                Under(new PathCondition(ite.Condition, false, binders.Count), () => Visit(ite.Else));
                break;
            case QuantifierExpr q:
                binders.AddRange(q.Binders);
                Visit(q.Body);
                binders.RemoveRange(binders.Count - q.Binders.Count, q.Binders.Count);
                break;
            case BinaryExpr { Operator: BinaryOperator.Divide } b:
                Visit(b.Left);
                Visit(b.Right);
                Add(b, b.Right, DefinednessRule.NonZero);
                break;
            case BinaryExpr { Operator: BinaryOperator.Power } b:
                Visit(b.Left);
                if (PowerForm.ConstantExponent(b) is not { } exponent)
                {
                    Visit(b.Right);
                    Add(b, b.Left, DefinednessRule.PositiveBase, b.Right);
                }
                else if (exponent.Sign < 0)
                    Add(b, b.Left, exponent.IsInteger ? DefinednessRule.NonZero : DefinednessRule.Positive);
                else if (!exponent.IsInteger)
                    Add(b, b.Left, DefinednessRule.NonNegative);
                break;
            case CallExpr { Function: Function.Sqrt or Function.Log } call:
                Visit(call.Arguments[0]);
                Add(call, call.Arguments[0], call.Function == Function.Sqrt ? DefinednessRule.NonNegative : DefinednessRule.Positive);
                break;
            default:
                foreach (var child in expr.Children) Visit(child);
                break;
        }
    }

    private void Guarded(Expr left, Expr right, bool holds)
    {
        Visit(left);
        Under(new PathCondition(left, holds, binders.Count), () => Visit(right));
    }

    private void Under(PathCondition condition, Action visit)
    {
        path.Add(condition);
        visit();
        path.RemoveAt(path.Count - 1);
    }

    private void Add(Expr node, Expr operand, DefinednessRule rule, Expr? second = null) =>
        sites.Add(new DefinednessSite(node, operand, rule, [.. path], [.. binders], second));
}

using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>The top-level conjuncts of a formula: chains (0 &lt; a &lt; 1) are parsed as 'and', so they split too.</summary>
internal static class Conjuncts
{
    public static IReadOnlyList<Expr> Of(Expr formula)
    {
        var parts = new List<Expr>();
        var pending = new Stack<Expr>();
        pending.Push(formula);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (e is BinaryExpr { Operator: BinaryOperator.And } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                parts.Add(e);
            }
        }
        return parts;
    }
}

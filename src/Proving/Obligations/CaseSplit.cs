using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// A disjunctive assumption ("p &lt; 0 or p &gt; 1") to split claims on: each case is a smaller goal, which helps
/// nonlinear solvers, and the cases can run in parallel. A model of a case satisfies the original assumption,
/// so its counterexample is checked against the assumptions as written.
/// </summary>
public sealed record CaseSplit(int Assumption, IReadOnlyList<Expr> Disjuncts)
{
    /// <summary>More cases than this multiply the goals more than they simplify them.</summary>
    public const int MaxCases = 4;

    /// <summary>The first assumption that is a top-level 'or' of 2 to <see cref="MaxCases"/> parts, or null.</summary>
    public static CaseSplit? Find(IReadOnlyList<Formula> assumptions)
    {
        for (var i = 0; i < assumptions.Count; i++)
        {
            if (assumptions[i].Tree is not BinaryExpr { Operator: BinaryOperator.Or }) continue;
            var disjuncts = new List<Expr>();
            Collect(assumptions[i].Tree, disjuncts);
            if (disjuncts.Count <= MaxCases) return new CaseSplit(i, disjuncts);
        }
        return null;
    }

    private static void Collect(Expr e, List<Expr> into)
    {
        if (e is BinaryExpr { Operator: BinaryOperator.Or } or)
        {
            Collect(or.Left, into);
            Collect(or.Right, into);
        }
        else
        {
            into.Add(e);
        }
    }
}

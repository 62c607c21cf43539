using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// Every name a theorem's formulas use, free or bound anywhere. A name invented for a quantifier's witness must
/// avoid all of them: one that meets an inner binder of the same name would be captured by it.
/// </summary>
public static class NamesInUse
{
    public static HashSet<string> Of(IEnumerable<Expr> formulas)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var formula in formulas) Collect(formula, names);
        return names;
    }

    private static void Collect(Expr expr, HashSet<string> names)
    {
        if (expr is NameExpr name) names.Add(name.Name);
        if (expr is QuantifierExpr q)
        {
            foreach (var binder in q.Binders) names.Add(binder.Name);
        }
        foreach (var child in expr.Children) Collect(child, names);
    }
}

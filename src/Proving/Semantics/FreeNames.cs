using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// The names an expression reads from outside: those no quantifier inside it binds. The search reads them to
/// find definitions; elaboration, so that substitution never lets a binder capture one.
/// </summary>
internal static class FreeNames
{
    public static HashSet<string> Of(Expr expr)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(expr, [], names);
        return names;
    }

    public static bool Mentions(Expr expr, string name) => Of(expr).Contains(name);

    public static bool HasQuantifier(Expr expr) => expr is QuantifierExpr || expr.Children.Any(HasQuantifier);

    private static void Collect(Expr expr, List<string> bound, HashSet<string> names)
    {
        switch (expr)
        {
            case NameExpr n when !bound.Contains(n.Name):
                names.Add(n.Name);
                break;
            case QuantifierExpr q:
                bound.AddRange(q.Binders.Select(b => b.Name));
                Collect(q.Body, bound, names);
                bound.RemoveRange(bound.Count - q.Binders.Count, q.Binders.Count);
                break;
            default:
                foreach (var child in expr.Children) Collect(child, bound, names);
                break;
        }
    }
}

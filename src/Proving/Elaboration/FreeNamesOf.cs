using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>The names a core tree uses without binding them: what substitution must not let a binder capture.</summary>
internal static class FreeNamesOf
{
    public static HashSet<string> Of(Expr expr)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(expr, [], names);
        return names;
    }

    public static bool Mentions(Expr expr, string name) => Of(expr).Contains(name);

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

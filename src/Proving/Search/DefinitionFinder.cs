using Hms.Proving.Semantics;
using Hms.Proving.Obligations;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>
/// Finds the assumptions (or top-level conjuncts of one) that define a variable: "x = expr" where x is a
/// numeric variable that no earlier equation defines and that expr does not read, even through other
/// definitions. The first such equation for x wins; later ones stay plain constraints. Definitions come
/// back in an order where each reads only searched variables and definitions before it.
/// </summary>
internal static class DefinitionFinder
{
    /// <param name="candidates">The names that may be defined (theorem variables and witnesses) and their sorts.</param>
    public static IReadOnlyList<Definition> Find(IReadOnlyList<Formula> assumptions, IReadOnlyDictionary<string, Sort> candidates)
    {
        var found = new Dictionary<string, (Definition Definition, HashSet<string> Reads)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var assumption in assumptions)
        {
            foreach (var conjunct in Conjuncts.Of(assumption.Tree))
            {
                if (conjunct is not CompareExpr { Operator: CompareOperator.Equal } equation) continue;
                foreach (var (side, value) in new[] { (equation.Left, equation.Right), (equation.Right, equation.Left) })
                {
                    if (side is not NameExpr { Name: var name } || !candidates.TryGetValue(name, out var sort)) continue;
                    if (sort == Sort.Bool || found.ContainsKey(name) || FreeNames.HasQuantifier(value)) continue;
                    // An Int defined by a Real expression would rarely be an integer: search it instead.
                    if (sort == Sort.Int && value.Sort != Sort.Int) continue;
                    var reads = FreeNames.Of(value);
                    if (Reaches(reads, name, found)) continue;
                    found[name] = (new Definition(name, value, assumption), reads);
                    order.Add(name);
                    break;
                }
            }
        }
        return Sorted(order, found);
    }

    /// <summary>Whether <paramref name="target"/> is read by <paramref name="reads"/> directly or through definitions.</summary>
    private static bool Reaches(HashSet<string> reads, string target, Dictionary<string, (Definition Definition, HashSet<string> Reads)> found)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(reads);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name == target) return true;
            if (!seen.Add(name) || !found.TryGetValue(name, out var d)) continue;
            foreach (var r in d.Reads) pending.Push(r);
        }
        return false;
    }

    /// <summary>Definitions in dependency order (depth first), otherwise in the order they were written.</summary>
    private static List<Definition> Sorted(List<string> order, Dictionary<string, (Definition Definition, HashSet<string> Reads)> found)
    {
        var sorted = new List<Definition>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in order) Place(name);
        return sorted;

        void Place(string name)
        {
            if (!found.TryGetValue(name, out var d) || !placed.Add(name)) return;
            foreach (var read in d.Reads.Order(StringComparer.Ordinal)) Place(read);
            sorted.Add(d.Definition);
        }
    }
}

using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Orders definitions so that each comes after the ones it uses, and finds the cycles that make an order
/// impossible (definitions are not recursive). Expanding in this order means no expansion ever waits on
/// another, so elaboration recurses no deeper than one formula is high.
/// </summary>
internal static class DefinitionOrder
{
    /// <returns>The definitions in dependency order, and for each definition on a cycle the cycle it is on.</returns>
    public static (IReadOnlyList<Definition> Order, IReadOnlyDictionary<string, string> Cycles) Of(IReadOnlyDictionary<string, Definition> definitions)
    {
        var uses = definitions.Values.ToDictionary(d => d.Name, d => Uses(d, definitions), StringComparer.Ordinal);
        var order = new List<Definition>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var definition in definitions.Values)
            {
                if (placed.Contains(definition.Name) || !uses[definition.Name].All(placed.Contains)) continue;
                order.Add(definition);
                placed.Add(definition.Name);
                progress = true;
            }
        }

        var cycles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in definitions.Keys.Where(n => !placed.Contains(n) && !cycles.ContainsKey(n)))
        {
            // Every unplaced definition uses an unplaced one, so walking such uses must come back to a name seen.
            var path = new List<string> { start };
            var next = start;
            while (true)
            {
                next = uses[next].First(n => !placed.Contains(n));
                var seen = path.IndexOf(next);
                if (seen >= 0)
                {
                    var cycle = path.Skip(seen).Append(next).ToList();
                    foreach (var member in cycle) cycles.TryAdd(member, string.Join(" -> ", cycle));
                    break;
                }
                path.Add(next);
            }
        }
        return (order, cycles);
    }

    private static List<string> Uses(Definition definition, IReadOnlyDictionary<string, Definition> definitions)
    {
        var used = new List<string>();
        Collect(definition.Body, [.. definition.Parameters.Select(p => p.Name)], definitions, used);
        return used;
    }

    private static void Collect(Expr e, List<string> bound, IReadOnlyDictionary<string, Definition> definitions, List<string> used)
    {
        switch (e)
        {
            case NameExpr n when !bound.Contains(n.Name) && definitions.ContainsKey(n.Name) && !used.Contains(n.Name):
                used.Add(n.Name);
                break;
            case ApplyExpr a when definitions.ContainsKey(a.Name) && !used.Contains(a.Name):
                used.Add(a.Name);
                foreach (var child in a.Arguments) Collect(child, bound, definitions, used);
                break;
            case QuantifierExpr q:
                bound.AddRange(q.Binders.Select(b => b.Name));
                Collect(q.Body, bound, definitions, used);
                bound.RemoveRange(bound.Count - q.Binders.Count, q.Binders.Count);
                break;
            case SumExpr s:
                Collect(s.From, bound, definitions, used);
                Collect(s.To, bound, definitions, used);
                bound.Add(s.Index.Name);
                Collect(s.Body, bound, definitions, used);
                bound.RemoveAt(bound.Count - 1);
                break;
            default:
                foreach (var child in e.Children) Collect(child, bound, definitions, used);
                break;
        }
    }
}

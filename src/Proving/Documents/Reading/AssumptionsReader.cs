namespace Hms.Proving.Documents.Reading;

/// <summary>Reads <c>assumptions:</c>, a list of formula strings kept in order.</summary>
internal static class AssumptionsReader
{
    public static IReadOnlyList<string>? Read(TreeNode node, FieldReader reader)
    {
        const string field = $"field '{TheoremFields.Assumptions}'";
        if (reader.List(node, field, "a list of formula strings") is not { } items)
        {
            return null;
        }

        if (items.Count > DocumentLimits.MaxAssumptions)
        {
            reader.Error(node, $"{field}: too many assumptions, {items.Count} (at most {DocumentLimits.MaxAssumptions})");
            return null;
        }

        var assumptions = new List<string>(items.Count);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var what = $"assumption {i + 1}";
            var text = reader.Text(items[i], what, "a formula string");
            if (text is null && items[i] is not ScalarNode)
            {
                ok = false;
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                reader.Error(items[i], $"{what} is empty (expected a formula)");
                ok = false;
            }
            else
            {
                assumptions.Add(text);
            }
        }

        return ok ? assumptions : null;
    }
}

namespace Hms.Proving.Documents.Reading;

/// <summary>Reads <c>variables:</c>, a mapping of name to sort kept in declaration order.</summary>
internal static class VariablesReader
{
    private const string Expected = "a mapping of variable name to Real, Int or Bool";

    public static IReadOnlyList<KeyValuePair<string, Sort>>? Read(TreeNode node, FieldReader reader)
    {
        if (reader.Mapping(node, $"field '{TheoremFields.Variables}'", Expected) is not { } entries)
        {
            return null;
        }

        if (entries.Count > DocumentLimits.MaxVariables)
        {
            reader.Error(node, $"field '{TheoremFields.Variables}': too many variables, {entries.Count} (at most {DocumentLimits.MaxVariables})");
            return null;
        }

        var variables = new List<KeyValuePair<string, Sort>>(entries.Count);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in entries)
        {
            var name = reader.Key(entry, $"field '{TheoremFields.Variables}'");
            if (name is null)
            {
                ok = false;
                continue;
            }

            if (name.Trim().Length == 0)
            {
                reader.Error(entry.Key, "a variable has an empty name");
                ok = false;
                continue;
            }

            if (!declared.Add(name))
            {
                reader.Error(entry.Key, $"variable '{name}' is declared twice");
                ok = false;
                continue;
            }

            var sort = ReadSort(entry.Value, name, reader);
            if (sort is null)
            {
                ok = false;
                continue;
            }

            variables.Add(new(name, sort.Value));
        }

        return ok ? variables : null;
    }

    private static Sort? ReadSort(TreeNode node, string name, FieldReader reader)
    {
        var text = reader.Text(node, $"variable '{name}'", "Real, Int or Bool");
        switch (text)
        {
            case "Real":
                return Sort.Real;
            case "Int":
                return Sort.Int;
            case "Bool":
                return Sort.Bool;
            case null when node is ScalarNode:
                reader.Error(node, $"variable '{name}' has no type (expected Real, Int or Bool)");
                return null;
            case null:
                return null;
            default:
                reader.Error(node, $"variable '{name}' has unknown type '{text}' (expected Real, Int or Bool)");
                return null;
        }
    }
}

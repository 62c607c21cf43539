namespace Hms.Proving.Documents.Reading;

/// <summary>Reads <c>definitions:</c>, a mapping of a head (<c>profit(q)</c>, <c>q_star</c>) to a formula string, kept in order.</summary>
internal static class DefinitionsReader
{
    private const string Field = $"field '{TheoremFields.Definitions}'";

    public static IReadOnlyList<KeyValuePair<string, string>>? Read(TreeNode node, FieldReader reader)
    {
        if (reader.Mapping(node, Field, "a mapping of name(parameters) to a formula string") is not { } entries)
        {
            return null;
        }

        if (entries.Count > DocumentLimits.MaxDefinitions)
        {
            reader.Error(node, $"{Field}: too many definitions, {entries.Count} (at most {DocumentLimits.MaxDefinitions})");
            return null;
        }

        var definitions = new List<KeyValuePair<string, string>>(entries.Count);
        var ok = true;
        foreach (var entry in entries)
        {
            var head = reader.Key(entry, Field);
            if (head is null || head.Trim().Length == 0)
            {
                if (head is not null) reader.Error(entry.Key, "a definition has an empty name");
                ok = false;
                continue;
            }

            if (definitions.Any(d => d.Key == head))
            {
                reader.Error(entry.Key, $"definition '{head}' is given twice");
                ok = false;
                continue;
            }

            var body = reader.Text(entry.Value, $"definition '{head}'", "a formula string");
            if (string.IsNullOrWhiteSpace(body))
            {
                if (body is not null || entry.Value is ScalarNode) reader.Error(entry.Value, $"definition '{head}' is empty (expected a formula)");
                ok = false;
                continue;
            }

            definitions.Add(new(head, body));
        }

        return ok ? definitions : null;
    }
}

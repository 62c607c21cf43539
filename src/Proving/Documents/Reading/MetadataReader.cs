using System.Collections.ObjectModel;

namespace Hms.Proving.Documents.Reading;

/// <summary>Reads <c>metadata:</c>, a string-to-string mapping.</summary>
internal static class MetadataReader
{
    public static IReadOnlyDictionary<string, string>? Read(TreeNode node, FieldReader reader)
    {
        const string field = $"field '{TheoremFields.Metadata}'";
        if (reader.Mapping(node, field, "a mapping of names to texts") is not { } entries)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in entries)
        {
            var key = reader.Key(entry, field);
            if (key is null)
            {
                ok = false;
                continue;
            }

            if (metadata.ContainsKey(key))
            {
                reader.Error(entry.Key, $"metadata '{key}' is given twice");
                ok = false;
                continue;
            }

            // Numbers, booleans and nulls are kept as written ("1951", "true", ""): metadata is
            // descriptive text, and YAML typing would only lose how the author wrote it.
            if (entry.Value is not ScalarNode scalar)
            {
                reader.Mismatch($"metadata '{key}'", "a text", entry.Value);
                ok = false;
                continue;
            }

            metadata.Add(key, scalar.IsNull ? "" : scalar.Value);
        }

        return ok ? new ReadOnlyDictionary<string, string>(metadata) : null;
    }
}

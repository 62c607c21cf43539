namespace Hms.Proving.Documents.Reading;

/// <summary>Reads a YAML or JSON theorem file: one theorem mapping, or a <c>theorems:</c> list of them.</summary>
internal static class YamlTheoremFileReader
{
    private const string Shape = $"a theorem mapping or a mapping with a '{TheoremFields.Theorems}:' list";

    public static IReadOnlyList<TheoremDocument> Read(string text, string sourceFile, ErrorCollector errors)
    {
        var reportedBefore = errors.Reported;
        var root = YamlTreeBuilder.Build(text, errors);
        if (root is null)
        {
            if (errors.Reported == reportedBefore)
            {
                errors.Add(null, SourcePosition.None, $"the file holds no theorem (expected {Shape})");
            }

            return [];
        }

        var defaultId = Path.GetFileNameWithoutExtension(sourceFile);
        var usedIds = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        if (root is not MappingNode mapping)
        {
            new FieldReader(errors, null).Mismatch("file", Shape, root);
            return [];
        }

        if (!mapping.Entries.Any(e => e.KeyText == TheoremFields.Theorems))
        {
            return TheoremMappingReader.Read(mapping, defaultId, sourceFile, errors, usedIds) is { } single ? [single] : [];
        }

        return ReadList(mapping, defaultId, sourceFile, errors, usedIds);
    }

    private static List<TheoremDocument> ReadList(
        MappingNode root,
        string defaultId,
        string sourceFile,
        ErrorCollector errors,
        Dictionary<string, SourcePosition> usedIds)
    {
        var reader = new FieldReader(errors, null);
        TreeNode? listNode = null;
        foreach (var entry in root.Entries)
        {
            if (entry.KeyText != TheoremFields.Theorems)
            {
                reader.Error(entry.Key, $"unexpected top-level {(entry.KeyText is { } key ? $"field '{key}'" : entry.Key.Describe())} (a file with a '{TheoremFields.Theorems}:' list holds nothing else)");
            }
            else if (listNode is null)
            {
                listNode = entry.Value;
            }
            else
            {
                reader.Error(entry.Key, $"field '{TheoremFields.Theorems}' is given twice");
            }
        }

        const string field = $"field '{TheoremFields.Theorems}'";
        if (reader.List(listNode!, field, "a list of theorem mappings") is not { } items)
        {
            return [];
        }

        if (items.Count == 0)
        {
            reader.Error(listNode!, $"{field} is empty (expected at least one theorem)");
            return [];
        }

        if (items.Count > DocumentLimits.MaxTheoremsPerFile)
        {
            reader.Error(listNode!, $"{field} holds {items.Count} theorems (at most {DocumentLimits.MaxTheoremsPerFile} per file)");
            return [];
        }

        // With several theorems the file name cannot be everyone's id.
        var idForUnnamed = items.Count == 1 ? defaultId : null;
        var theorems = new List<TheoremDocument>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not MappingNode item)
            {
                reader.Mismatch($"theorem {i + 1} of '{TheoremFields.Theorems}'", "a theorem mapping", items[i]);
            }
            else if (TheoremMappingReader.Read(item, idForUnnamed, sourceFile, errors, usedIds) is { } theorem)
            {
                theorems.Add(theorem);
            }
        }

        return theorems;
    }
}

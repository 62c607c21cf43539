using System.Collections.ObjectModel;
using System.Text;

namespace Hms.Proving.Documents.Reading;

/// <summary>Reads one theorem mapping into a <see cref="TheoremDocument"/>, reporting every problem it finds.</summary>
internal static class TheoremMappingReader
{
    private static readonly string FieldList = string.Join(", ", TheoremFields.All);

    /// <param name="defaultId">The id to use when the mapping has none, or null when an id is required.</param>
    /// <param name="usedIds">Ids already taken in this file, with where they were defined; updated.</param>
    /// <returns>The theorem, or null when it has any error.</returns>
    public static TheoremDocument? Read(
        MappingNode mapping,
        string? defaultId,
        string sourceFile,
        ErrorCollector errors,
        Dictionary<string, SourcePosition> usedIds)
    {
        var reportedBefore = errors.Reported;
        var id = ReadId(mapping, defaultId, errors, usedIds);
        var reader = new FieldReader(errors, id);
        var values = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = reader.Key(entry, "field name");
            if (key is null)
            {
                continue;
            }

            if (!TheoremFields.All.Contains(key, StringComparer.Ordinal))
            {
                var guess = !errors.IsFull && Spelling.Closest(key, TheoremFields.All) is { } closest ? $"; did you mean '{closest}'?" : "";
                reader.Error(entry.Key, $"unknown field '{key}' (expected one of: {FieldList}){guess}");
            }
            else if (!values.TryAdd(key, entry.Value))
            {
                reader.Error(entry.Key, $"field '{key}' is given twice");
            }
        }

        // Every field is read even when the id is bad, so that one pass reports all problems.
        var name = Optional(values, TheoremFields.Name, n => reader.Text(n, $"field '{TheoremFields.Name}'"));
        var domain = Optional(values, TheoremFields.Domain, n => reader.Text(n, $"field '{TheoremFields.Domain}'"));
        var format = OptionalValue(values, TheoremFields.Format, n => ReadFormat(n, reader));
        var variables = Optional(values, TheoremFields.Variables, n => VariablesReader.Read(n, reader));
        var definitions = Optional(values, TheoremFields.Definitions, n => DefinitionsReader.Read(n, reader));
        var assumptions = Optional(values, TheoremFields.Assumptions, n => AssumptionsReader.Read(n, reader));
        var statement = ReadStatement(mapping, values, reader);
        var leanCode = Optional(values, TheoremFields.LeanCode, n => reader.Text(n, $"field '{TheoremFields.LeanCode}'"));
        var timeout = OptionalValue(values, TheoremFields.TimeoutSeconds, n => ReadTimeout(n, reader));
        var strategies = Optional(values, TheoremFields.Strategies, n => StrategiesReader.Read(n, reader));
        var genetic = OptionalValue(values, TheoremFields.UseGeneticOptimization, n => ReadFlag(n, reader));
        var metadata = Optional(values, TheoremFields.Metadata, n => MetadataReader.Read(n, reader));
        var expected = OptionalValue(values, TheoremFields.Expected, n => ReadExpected(n, reader));
        if (id is null || statement is null || errors.Reported != reportedBefore)
        {
            return null;
        }

        return new TheoremDocument
        {
            Id = id,
            Name = name,
            Domain = domain,
            Format = format ?? TheoremFormat.Infix,
            Variables = variables ?? [],
            Definitions = definitions ?? [],
            Assumptions = assumptions ?? [],
            Statement = statement,
            LeanCode = leanCode,
            TimeoutSeconds = timeout,
            Strategies = strategies ?? [],
            UseGeneticOptimization = genetic ?? false,
            Metadata = metadata ?? ReadOnlyDictionary<string, string>.Empty,
            Expected = expected,
            SourceFile = sourceFile,
        };
    }

    /// <summary>Works out the id first, so that every later message can name the theorem.</summary>
    private static string? ReadId(
        MappingNode mapping,
        string? defaultId,
        ErrorCollector errors,
        Dictionary<string, SourcePosition> usedIds)
    {
        var anonymous = new FieldReader(errors, null);
        var entry = mapping.Entries.FirstOrDefault(e => e.KeyText == TheoremFields.Id);
        var given = entry is null ? null : anonymous.Text(entry.Value, $"field '{TheoremFields.Id}'", "an id string");
        if (entry is not null && entry.Value is not ScalarNode)
        {
            return null;
        }

        if (given is null)
        {
            if (defaultId is null)
            {
                anonymous.Error(mapping, $"missing field '{TheoremFields.Id}' (required when a file holds several theorems)");
                return null;
            }

            if (!TheoremIds.IsValid(defaultId))
            {
                anonymous.Error(mapping, $"the file name gives the id '{defaultId}', which is not a valid id (expected {TheoremIds.Rule}); add an '{TheoremFields.Id}' field");
                return null;
            }

            given = defaultId;
        }
        else if (!TheoremIds.IsValid(given))
        {
            anonymous.Error(entry!.Value, $"invalid id {entry.Value.Describe()} (expected {TheoremIds.Rule})");
            return null;
        }

        var position = entry?.Value.Position ?? mapping.Position;
        if (usedIds.TryGetValue(given, out var first))
        {
            anonymous.Error(position, $"duplicate id '{given}' (already used by the theorem at line {first.Line})");
            return null;
        }

        usedIds.Add(given, position);
        return given;
    }

    private static string? ReadStatement(MappingNode mapping, Dictionary<string, TreeNode> values, FieldReader reader)
    {
        if (!values.TryGetValue(TheoremFields.Statement, out var node))
        {
            reader.Error(mapping, $"missing field '{TheoremFields.Statement}' (expected a formula)");
            return null;
        }

        var statement = reader.Text(node, $"field '{TheoremFields.Statement}'", "a formula string");
        if (statement is null && node is not ScalarNode)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(statement))
        {
            reader.Error(node, $"field '{TheoremFields.Statement}' is empty (expected a formula)");
            return null;
        }

        var bytes = Encoding.UTF8.GetByteCount(statement);
        if (bytes > DocumentLimits.MaxStatementBytes)
        {
            reader.Error(node, $"field '{TheoremFields.Statement}' is {bytes} bytes long (at most {DocumentLimits.MaxStatementBytes})");
            return null;
        }

        return statement;
    }

    private static TheoremFormat? ReadFormat(TreeNode node, FieldReader reader)
    {
        const string expected = "infix, smtlib2 or lean4";
        return reader.Text(node, $"field '{TheoremFields.Format}'", expected) switch
        {
            null => null,
            "infix" => TheoremFormat.Infix,
            "smtlib2" => TheoremFormat.Smtlib2,
            "lean4" => TheoremFormat.Lean4,
            var other => Unknown<TheoremFormat>(node, reader, $"unknown format '{other}' (expected {expected})"),
        };
    }

    private static ExpectedVerdict? ReadExpected(TreeNode node, FieldReader reader)
    {
        const string expected = "proved, disproved or unknown";
        return reader.Text(node, $"field '{TheoremFields.Expected}'", expected) switch
        {
            null => null,
            "proved" => ExpectedVerdict.Proved,
            "disproved" => ExpectedVerdict.Disproved,
            "unknown" => ExpectedVerdict.Unknown,
            var other => Unknown<ExpectedVerdict>(node, reader, $"unknown expected verdict '{other}' (expected {expected})"),
        };
    }

    private static int? ReadTimeout(TreeNode node, FieldReader reader) =>
        node is ScalarNode { IsNull: true }
            ? null
            : reader.Integer(node, $"field '{TheoremFields.TimeoutSeconds}'", DocumentLimits.MinTimeoutSeconds, DocumentLimits.MaxTimeoutSeconds);

    private static bool? ReadFlag(TreeNode node, FieldReader reader) =>
        node is ScalarNode { IsNull: true } ? null : reader.Boolean(node, $"field '{TheoremFields.UseGeneticOptimization}'");

    private static T? Unknown<T>(TreeNode node, FieldReader reader, string message)
        where T : struct
    {
        reader.Error(node, message);
        return null;
    }

    private static T? Optional<T>(Dictionary<string, TreeNode> values, string field, Func<TreeNode, T?> read)
        where T : class =>
        values.TryGetValue(field, out var node) ? read(node) : null;

    private static T? OptionalValue<T>(Dictionary<string, TreeNode> values, string field, Func<TreeNode, T?> read)
        where T : struct =>
        values.TryGetValue(field, out var node) ? read(node) : null;
}

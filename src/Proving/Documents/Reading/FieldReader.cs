using System.Globalization;

namespace Hms.Proving.Documents.Reading;

/// <summary>Reads typed values out of one theorem's nodes, reporting mismatches under that theorem's id.</summary>
internal sealed class FieldReader(ErrorCollector errors, string? theoremId)
{
    public void Error(SourcePosition position, string message) => errors.Add(theoremId, position, message);

    public void Error(TreeNode node, string message) => Error(node.Position, message);

    /// <summary>Reports "{what}: expected {expected}, found {node}".</summary>
    public void Mismatch(string what, string expected, TreeNode node)
    {
        var why = node is AliasNode ? "; YAML aliases are not allowed, write the value out" : "";
        Error(node, $"{what}: expected {expected}, found {node.Describe()}{why}");
    }

    /// <summary>
    /// Any scalar's text (YAML's <c>42</c> is fine for a name); null for a null scalar or on a
    /// mismatch. Texts are never typed by YAML rules because formulas like <c>true</c> are valid.
    /// </summary>
    public string? Text(TreeNode node, string what, string expected = "a string")
    {
        if (node is ScalarNode scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        Mismatch(what, expected, node);
        return null;
    }

    /// <summary>A YAML 1.2 core-schema boolean, or null (reported) for anything else.</summary>
    public bool? Boolean(TreeNode node, string what)
    {
        if (node is ScalarNode { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Mismatch(what, "true or false", node);
        return null;
    }

    /// <summary>
    /// An unquoted decimal integer within [min, max], or null (reported). Quoted numbers are
    /// refused on purpose: in JSON they are strings, and a file should not mean different
    /// things to different readers.
    /// </summary>
    public int? Integer(TreeNode node, string what, int min, int max)
    {
        var expected = $"a whole number from {min} to {max}";
        if (node is ScalarNode { IsPlain: true } scalar
            && scalar.Value.Length is > 0 and <= 20
            && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return (int)value;
            }

            Error(node, $"{what}: expected {expected}, found {value}");
            return null;
        }

        Mismatch(what, expected, node);
        return null;
    }

    /// <summary>The list's items, or null (reported) when the node is not a list; a null node reads as an empty list.</summary>
    public IReadOnlyList<TreeNode>? List(TreeNode node, string what, string expected)
    {
        switch (node)
        {
            case SequenceNode sequence:
                return sequence.Items;
            case ScalarNode { IsNull: true }:
                return [];
            default:
                Mismatch(what, expected, node);
                return null;
        }
    }

    /// <summary>The mapping's entries, or null (reported) when the node is not a mapping; a null node reads as empty.</summary>
    public IReadOnlyList<MappingEntry>? Mapping(TreeNode node, string what, string expected)
    {
        switch (node)
        {
            case MappingNode mapping:
                return mapping.Entries;
            case ScalarNode { IsNull: true }:
                return [];
            default:
                Mismatch(what, expected, node);
                return null;
        }
    }

    /// <summary>A mapping key's text, or null (reported) when the key is not a plain name.</summary>
    public string? Key(MappingEntry entry, string what)
    {
        if (entry.KeyText is { } key)
        {
            return key;
        }

        Mismatch(what, "a name", entry.Key);
        return null;
    }
}

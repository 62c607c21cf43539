namespace Hms.Proving.Documents.Reading;

/// <summary>A YAML scalar.</summary>
/// <param name="IsPlain">Unquoted and untagged, so YAML typing (null, bool, int) applies to it.</param>
internal sealed record ScalarNode(SourcePosition Position, string Value, bool IsPlain) : TreeNode(Position)
{
    private const int MaxQuotedLength = 40;

    /// <summary>YAML 1.2 core-schema null: an empty or <c>~</c>/<c>null</c> plain scalar (as in <c>statement:</c> with nothing after it).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe()
    {
        if (IsNull)
        {
            return "nothing (null)";
        }

        // Keep messages one line and short even for a 1 MiB value.
        var shown = Value.Length > MaxQuotedLength ? Value[..MaxQuotedLength] + "..." : Value;
        shown = shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return $"'{shown}'";
    }
}

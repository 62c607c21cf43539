namespace Hms.Proving.Documents.Reading;

/// <summary>A YAML mapping (a JSON object); entries in file order, duplicates kept so they can be reported.</summary>
internal sealed record MappingNode(SourcePosition Position, IReadOnlyList<MappingEntry> Entries) : TreeNode(Position)
{
    public override string Describe() => "a mapping";
}

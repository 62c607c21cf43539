namespace Hms.Proving.Documents.Reading;

/// <summary>A YAML sequence (a JSON array).</summary>
internal sealed record SequenceNode(SourcePosition Position, IReadOnlyList<TreeNode> Items) : TreeNode(Position)
{
    public override string Describe() => "a list";
}

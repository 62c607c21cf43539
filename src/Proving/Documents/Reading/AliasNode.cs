namespace Hms.Proving.Documents.Reading;

/// <summary>
/// A YAML alias (<c>*name</c>), kept unexpanded. Aliases are refused wherever a value is read,
/// which is what makes alias bombs harmless.
/// </summary>
internal sealed record AliasNode(SourcePosition Position, string Anchor) : TreeNode(Position)
{
    public override string Describe() => $"an alias (*{Anchor})";
}

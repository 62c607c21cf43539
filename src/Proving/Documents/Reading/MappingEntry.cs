namespace Hms.Proving.Documents.Reading;

/// <summary>One key/value pair of a <see cref="MappingNode"/>.</summary>
internal sealed record MappingEntry(TreeNode Key, TreeNode Value)
{
    /// <summary>The key's text when it is a usable (non-null scalar) key.</summary>
    public string? KeyText => Key is ScalarNode { IsNull: false } scalar ? scalar.Value : null;
}

namespace Hms.Proving.Documents.Reading;

/// <summary>
/// A YAML node with its position. YamlDotNet's representation model would do, but building our own
/// from parser events lets us refuse aliases and deep nesting before they cost anything.
/// </summary>
internal abstract record TreeNode(SourcePosition Position)
{
    /// <summary>How the node reads in "found ..." messages.</summary>
    public abstract string Describe();
}

namespace Hms.Proving.Documents.Reading;

/// <summary>A sequence or mapping whose end event has not arrived yet.</summary>
internal sealed class OpenCollection(SourcePosition position, bool isMapping, bool isFlow)
{
    private readonly List<TreeNode> items = [];
    private readonly List<MappingEntry> entries = [];
    private TreeNode? pendingKey;

    public SourcePosition Position => position;

    /// <summary>Written with brackets or braces, where an unclosed bracket is the usual syntax error.</summary>
    public bool IsFlow => isFlow;

    public bool IsMapping => isMapping;

    public void Add(TreeNode node)
    {
        if (!isMapping)
        {
            items.Add(node);
        }
        else if (pendingKey is null)
        {
            pendingKey = node;
        }
        else
        {
            entries.Add(new MappingEntry(pendingKey, node));
            pendingKey = null;
        }
    }

    public TreeNode Close() => isMapping ? new MappingNode(position, entries) : new SequenceNode(position, items);
}

using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>A parsed and typed formula with its text and role ("assumption 2", "statement"), for messages.</summary>
public sealed record Formula(string Role, string Text, Expr Tree)
{
    public string Quote(Expr node) => node.SourceText(Text);
}

namespace Hms.Proving.Syntax.Tree;

/// <summary>A variable: free in the theorem, or bound by an enclosing quantifier.</summary>
public sealed class NameExpr(SourcePosition start, int end, string name) : Expr(start, end)
{
    public string Name { get; } = name;
    public override IEnumerable<Expr> Children => [];
}

namespace Hms.Proving.Syntax.Tree;

public sealed class BoolExpr(SourcePosition start, int end, bool value) : Expr(start, end)
{
    public bool Value { get; } = value;
    public override IEnumerable<Expr> Children => [];
}

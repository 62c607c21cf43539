namespace Hms.Proving.Syntax.Tree;

public sealed class IfExpr : Expr
{
    public IfExpr(SourcePosition start, int end, Expr condition, Expr then, Expr otherwise) : base(start, end)
    {
        Condition = condition;
        Then = then;
        Else = otherwise;
        Height = HeightOf(condition, then, otherwise);
    }

    public Expr Condition { get; }
    public Expr Then { get; }
    public Expr Else { get; }
    public override IEnumerable<Expr> Children => [Condition, Then, Else];
}

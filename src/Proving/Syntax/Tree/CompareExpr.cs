namespace Hms.Proving.Syntax.Tree;

/// <summary>One comparison; a chain a &lt; b &lt; c is parsed as (a &lt; b) and (b &lt; c).</summary>
public sealed class CompareExpr : Expr
{
    public CompareExpr(SourcePosition start, int end, CompareOperator op, Expr left, Expr right) : base(start, end)
    {
        Operator = op;
        Left = left;
        Right = right;
        Height = HeightOf(left, right);
    }

    public CompareOperator Operator { get; }
    public Expr Left { get; }
    public Expr Right { get; }
    public override IEnumerable<Expr> Children => [Left, Right];
}

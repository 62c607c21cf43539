namespace Hms.Proving.Syntax.Tree;

public sealed class BinaryExpr : Expr
{
    public BinaryExpr(SourcePosition start, int end, BinaryOperator op, Expr left, Expr right) : base(start, end)
    {
        Operator = op;
        Left = left;
        Right = right;
        Height = HeightOf(left, right);
    }

    public BinaryOperator Operator { get; }
    public Expr Left { get; }
    public Expr Right { get; }
    public override IEnumerable<Expr> Children => [Left, Right];
}

namespace Hms.Proving.Syntax.Tree;

public sealed class UnaryExpr : Expr
{
    public UnaryExpr(SourcePosition start, int end, UnaryOperator op, Expr operand) : base(start, end)
    {
        Operator = op;
        Operand = operand;
        Height = HeightOf(operand);
    }

    public UnaryOperator Operator { get; }
    public Expr Operand { get; }
    public override IEnumerable<Expr> Children => [Operand];
}

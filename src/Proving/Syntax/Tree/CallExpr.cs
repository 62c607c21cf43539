namespace Hms.Proving.Syntax.Tree;

public sealed class CallExpr : Expr
{
    public CallExpr(SourcePosition start, int end, Function function, IReadOnlyList<Expr> arguments) : base(start, end)
    {
        Function = function;
        Arguments = arguments;
        Height = HeightOf([.. arguments]);
    }

    public Function Function { get; }
    public IReadOnlyList<Expr> Arguments { get; }
    public override IEnumerable<Expr> Children => Arguments;
}

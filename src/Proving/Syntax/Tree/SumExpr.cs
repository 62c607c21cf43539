namespace Hms.Proving.Syntax.Tree;

/// <summary>
/// <c>sum(i in 1..3, p[i]*x[i])</c>: the body added up over a literal integer range. Replaced by the sum it
/// stands for during elaboration (<see cref="Elaboration.Elaborator"/>); never reaches the type checker.
/// </summary>
public sealed class SumExpr : Expr
{
    public SumExpr(SourcePosition start, int end, Binder index, Expr from, Expr to, Expr body) : base(start, end)
    {
        Index = index;
        From = from;
        To = to;
        Body = body;
        Height = HeightOf(from, to, body);
    }

    public Binder Index { get; }
    public Expr From { get; }
    public Expr To { get; }
    public Expr Body { get; }
    public override IEnumerable<Expr> Children => [From, To, Body];
}

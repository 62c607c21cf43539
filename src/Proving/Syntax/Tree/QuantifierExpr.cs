namespace Hms.Proving.Syntax.Tree;

public sealed class QuantifierExpr : Expr
{
    public QuantifierExpr(SourcePosition start, int end, Quantifier quantifier, IReadOnlyList<Binder> binders, Expr body)
        : base(start, end)
    {
        Quantifier = quantifier;
        Binders = binders;
        Body = body;
        Height = HeightOf(body);
    }

    public Quantifier Quantifier { get; }
    public IReadOnlyList<Binder> Binders { get; }
    public Expr Body { get; }
    public override IEnumerable<Expr> Children => [Body];
}

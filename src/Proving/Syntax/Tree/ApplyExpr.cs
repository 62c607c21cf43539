namespace Hms.Proving.Syntax.Tree;

/// <summary>
/// A call of something that is not a built-in function: a definition of the theorem (<c>profit(q)</c>),
/// a derivative (<c>d(u(x, y), x)</c>) or the optimality shorthand (<c>maximizes(q_star, profit(q), q &gt;= 0)</c>).
/// It exists only between parsing and elaboration (<see cref="Elaboration.Elaborator"/>), which replaces it
/// by the core tree it means or reports why it has no meaning.
/// </summary>
public sealed class ApplyExpr : Expr
{
    public ApplyExpr(SourcePosition start, int end, string name, IReadOnlyList<Expr> arguments) : base(start, end)
    {
        Name = name;
        Arguments = arguments;
        Height = arguments.Count == 0 ? 1 : HeightOf([.. arguments]);
    }

    public string Name { get; }
    public SourcePosition NamePosition => Start;
    public IReadOnlyList<Expr> Arguments { get; }
    public override IEnumerable<Expr> Children => Arguments;
}

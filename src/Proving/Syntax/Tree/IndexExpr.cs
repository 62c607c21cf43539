namespace Hms.Proving.Syntax.Tree;

/// <summary>
/// <c>x[i]</c>: one of the variables declared as <c>x[1..n]</c>. Elaboration (<see cref="Elaboration.Elaborator"/>)
/// folds the index to an integer and replaces the node by the variable <c>x[2]</c>.
/// </summary>
public sealed class IndexExpr : Expr
{
    public IndexExpr(SourcePosition start, int end, string name, Expr index) : base(start, end)
    {
        Name = name;
        Index = index;
        Height = HeightOf(index);
    }

    public string Name { get; }
    public Expr Index { get; }
    public override IEnumerable<Expr> Children => [Index];

    /// <summary>The name of element <paramref name="index"/> of the indexed variable <paramref name="name"/>.</summary>
    public static string ElementName(string name, System.Numerics.BigInteger index) => $"{name}[{index}]";
}

namespace Hms.Proving.Syntax.Tree;

/// <summary>
/// A node of a formula's syntax tree. It remembers where it came from (to quote the user's own text in
/// messages) and, after type checking, its sort.
/// </summary>
public abstract class Expr(SourcePosition start, int end)
{
    public SourcePosition Start { get; internal set; } = start;

    /// <summary>Offset just past the node's last character in the formula text.</summary>
    public int End { get; internal set; } = end;

    /// <summary>Set by the type checker; Real until then.</summary>
    public Sort Sort { get; internal set; } = Sort.Real;

    public abstract IEnumerable<Expr> Children { get; }

    /// <summary>Longest path to a leaf, bounded by FormulaLimits.MaxHeight so that walkers may recurse.</summary>
    public int Height { get; protected init; } = 1;

    protected static int HeightOf(params Expr[] children) => 1 + children.Max(c => c.Height);

    public string SourceText(string formula) => formula[Start.Offset..End];
}

namespace Hms.Proving.Smt;

/// <summary>
/// Where an expression came from: character offsets into the parsed text and the 1-based line:column of its
/// first character (for messages). Never used to forward source text to a solver: solvers get re-printed trees.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    /// <summary>The exact source text of the expression, comments and spacing inside it included.</summary>
    public string Slice(string text) => text.Substring(Start, Length);

    public override string ToString() => $"line {Line}:{Column}";
}

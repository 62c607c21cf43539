namespace Hms.Proving.Syntax;

/// <summary>
/// A formula that cannot be understood: a syntax or type error at a position of the formula's text.
/// The theorem compiler adds the file, theorem and which formula it was.
/// </summary>
public sealed class FormulaException(SourcePosition position, string reason) : Exception($"{position}: {reason}")
{
    public SourcePosition Position { get; } = position;
    public string Reason { get; } = reason;
}

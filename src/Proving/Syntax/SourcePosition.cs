namespace Hms.Proving.Syntax;

/// <summary>A place in a formula's text: 1-based line and column, and the 0-based offset.</summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

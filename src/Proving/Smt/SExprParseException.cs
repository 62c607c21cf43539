namespace Hms.Proving.Smt;

/// <summary>Malformed SMT-LIB text; the message starts with "line L:C:" pointing at the culprit.</summary>
public sealed class SExprParseException : FormatException
{
    public SExprParseException(int line, int column, string problem)
        : base($"line {line}:{column}: {problem}")
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    public int Line { get; }
    public int Column { get; }

    /// <summary>The message without the position.</summary>
    public string Problem { get; }
}

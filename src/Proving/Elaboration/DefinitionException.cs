using Hms.Proving.Syntax;

namespace Hms.Proving.Elaboration;

/// <summary>A definition that cannot be understood: where (head or body, line:column in it) and why.</summary>
public sealed class DefinitionException(string head, bool inHead, FormulaException cause)
    : Exception($"definition '{head.Trim()}'{(inHead ? " (its name)" : "")} {cause.Position}: {cause.Reason}", cause)
{
    public string Head { get; } = head.Trim();
    public bool InHead { get; } = inHead;
    public SourcePosition Position { get; } = cause.Position;
    public string Reason { get; } = cause.Reason;
}

using Hms.Proving.Obligations;

namespace Hms.Proving.Search;

/// <summary>
/// An operation that may be undefined, as a second kind of search target: make its operand violate the rule
/// (a zero divisor) where it is evaluated. <see cref="FormulaIndex"/> counts the assumptions before it that must
/// hold (the statement's index is the number of assumptions).
/// </summary>
public sealed record DivisorTarget(int FormulaIndex, Formula Source, DefinednessSite Site)
{
    public string Description => $"{Source.Quote(Site.Node)} in {Source.Role}: {Site.Rule.Requirement(Source.Quote(Site.Operand))}";
}

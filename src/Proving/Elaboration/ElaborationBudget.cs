using Hms.Proving.Syntax;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Bounds the work of expanding one formula: nodes built (<see cref="FormulaLimits.MaxElaboratedNodes"/>) and
/// how deeply definitions and derivatives nest (<see cref="FormulaLimits.MaxElaborationDepth"/>), so that the
/// recursion stays shallow and a short text cannot ask for an exponentially large tree.
/// </summary>
internal sealed class ElaborationBudget(CancellationToken cancellationToken)
{
    private int nodes;
    private int depth;

    public void Count(Span at, int count = 1)
    {
        nodes += count;
        if (nodes > FormulaLimits.MaxElaboratedNodes)
            throw new FormulaException(at.Start,
                $"expanding definitions, sums and derivatives gives more than {FormulaLimits.MaxElaboratedNodes:N0} terms; split the theorem or simplify its definitions");
    }

    public void Enter(Span at, string what)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (++depth > FormulaLimits.MaxElaborationDepth)
            throw new FormulaException(at.Start,
                $"{what} nest more than {FormulaLimits.MaxElaborationDepth} levels deep");
    }

    public void Leave() => depth--;

}

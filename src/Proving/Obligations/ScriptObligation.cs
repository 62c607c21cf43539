using Hms.Proving.Checking;
using Hms.Proving.Solvers;

namespace Hms.Proving.Obligations;

/// <summary>
/// A user's SMT-LIB script, which asserts the negation of its claim. It may carry options that would leak
/// into later goals, so it runs isolated; its models are confirmed by re-solving with the values fixed.
/// </summary>
public sealed class ScriptObligation(string id, string script, IReadOnlyDictionary<string, Sort> symbols)
    : Obligation(id, ObligationKind.Claim, "the script's assertions are unsatisfiable", script, symbols, new Dictionary<string, int>())
{
    public override bool Isolated => true;

    public override bool ConfirmedBySolver => true;

    protected override bool PinsMissingValues => false;

    public override ModelCheck CheckModel(IReadOnlyDictionary<string, ModelValue> model)
    {
        var assignment = Symbols.Keys.Select(symbol => new KeyValuePair<string, string>(symbol, model.GetValueOrDefault(symbol) switch
        {
            BoolModelValue b => b.Value ? "true" : "false",
            RationalModelValue r => r.Value.ToString(),
            // A decimal approximation, flagged in Approximate: the value stays text any consumer parses as a number.
            AlgebraicModelValue a => a.Decimal,
            _ => "unconstrained",
        })).ToList();
        var approximate = Symbols.Keys.Where(symbol => model.GetValueOrDefault(symbol) is AlgebraicModelValue).ToList();
        return new ModelCheck(ModelCheckOutcome.Inexact, assignment, "the script's assertions are satisfiable with these values")
        {
            Approximate = approximate,
        };
    }
}

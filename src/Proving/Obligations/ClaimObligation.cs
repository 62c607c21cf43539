using Hms.Proving.Checking;
using Hms.Proving.Semantics;
using Hms.Proving.Solvers;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// "The assumptions imply this part of the statement." Leading 'forall' variables of the part become
/// witnesses, so a counterexample names the value that breaks it.
/// </summary>
public sealed class ClaimObligation(
    string id, string description, SmtScript script,
    IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Formula> assumptions, Formula statement,
    Expr body, IReadOnlyList<Witness> witnesses)
    : Obligation(id, ObligationKind.Claim, description, script.Text, script.Declarations, script.NamedAssumptions)
{
    public override ModelCheck CheckModel(IReadOnlyDictionary<string, ModelValue> model)
    {
        var binding = new ModelBinding(variables, witnesses, model);
        if (binding.InexactReason is { } inexact)
            return new ModelCheck(ModelCheckOutcome.Inexact, binding.Assignment, inexact);
        try
        {
            if (AssumptionChecks.FirstFailing(binding, assumptions) is { } rejected)
                return new ModelCheck(ModelCheckOutcome.Rejected, binding.Assignment, rejected);
            var holds = binding.EvaluatorFor(statement, witnesses.Count).Holds(body);
            return holds
                ? new ModelCheck(ModelCheckOutcome.Rejected, binding.Assignment, "the statement holds under the solver's model")
                : new ModelCheck(ModelCheckOutcome.Confirmed, binding.Assignment, Explain());
        }
        catch (UndefinedException undefined)
        {
            return new ModelCheck(ModelCheckOutcome.Confirmed, binding.Assignment, undefined.Message);
        }
        catch (InexactException e)
        {
            return new ModelCheck(ModelCheckOutcome.Inexact, binding.Assignment, e.Message);
        }
    }

    private string Explain()
    {
        var what = assumptions.Count == 0 ? "the statement is false" : "the assumptions hold and the statement is false";
        var forWitness = witnesses.Count == 0 ? ""
            : $" ({string.Join(", ", witnesses.Select(w => w.Key))}: the {(witnesses.Count == 1 ? "value" : "values")} of 'forall {string.Join(", ", witnesses.Select(w => w.Binder.Name))}' where it fails)";
        return $"{what}: {Description}{forWitness}";
    }
}

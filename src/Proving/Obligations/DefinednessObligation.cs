using Hms.Proving.Checking;
using Hms.Proving.Semantics;
using Hms.Proving.Solvers;

namespace Hms.Proving.Obligations;

/// <summary>"This operation is defined wherever it is evaluated", given the assumptions before it.</summary>
public sealed class DefinednessObligation(
    string id, string description, SmtScript script,
    IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Formula> priorAssumptions, Formula source,
    DefinednessSite site, IReadOnlyList<Witness> witnesses)
    : Obligation(id, ObligationKind.WellDefinedness, description, script.Text, script.Declarations, script.NamedAssumptions)
{
    public override ModelCheck CheckModel(IReadOnlyDictionary<string, ModelValue> model)
    {
        var binding = new ModelBinding(variables, witnesses, model);
        if (binding.InexactReason is { } inexact)
            return new ModelCheck(ModelCheckOutcome.Inexact, binding.Assignment, inexact);
        try
        {
            if (AssumptionChecks.FirstFailing(binding, priorAssumptions) is { } rejected)
                return new ModelCheck(ModelCheckOutcome.Rejected, binding.Assignment, rejected);
            foreach (var condition in site.Path)
            {
                if (binding.EvaluatorFor(source, condition.Depth).Holds(condition.Condition) != condition.Holds)
                    return new ModelCheck(ModelCheckOutcome.Rejected, binding.Assignment,
                        $"under the solver's model, {source.Quote(site.Node)} is never evaluated");
            }
            binding.EvaluatorFor(source, witnesses.Count).Eval(site.Node);
            return new ModelCheck(ModelCheckOutcome.Rejected, binding.Assignment,
                $"{source.Quote(site.Node)} is defined under the solver's model");
        }
        catch (UndefinedException undefined)
        {
            return new ModelCheck(ModelCheckOutcome.Confirmed, binding.Assignment, $"{undefined.Message} (in {source.Role})");
        }
        catch (InexactException e)
        {
            return new ModelCheck(ModelCheckOutcome.Inexact, binding.Assignment, e.Message);
        }
    }
}

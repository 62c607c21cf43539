using Hms.Proving.Checking;

namespace Hms.Proving.Obligations;

/// <summary>"This operation is defined wherever it is evaluated", given the assumptions before it.</summary>
public sealed class DefinednessObligation(
    string id, string description, SmtScript script,
    IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Formula> priorAssumptions, Formula source,
    DefinednessSite site, IReadOnlyList<Witness> witnesses)
    : ExactlyCheckedObligation(id, ObligationKind.WellDefinedness, description, script, variables, priorAssumptions, witnesses)
{
    protected override (bool Refutes, string Explanation) Judge(ModelBinding binding)
    {
        foreach (var condition in site.Path)
        {
            if (binding.EvaluatorFor(source, condition.Depth).Holds(condition.Condition) != condition.Holds)
                return (false, $"under the solver's model, {source.Quote(site.Node)} is never evaluated");
        }
        // Defined: no counterexample. Undefined: the evaluator throws, which the base class reports.
        binding.EvaluatorFor(source, Witnesses.Count).Eval(site.Node);
        return (false, $"{source.Quote(site.Node)} is defined under the solver's model");
    }

    protected override string ExplainUndefined(string message) => $"{message} (in {source.Role})";
}

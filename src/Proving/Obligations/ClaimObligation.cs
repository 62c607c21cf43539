using Hms.Proving.Checking;
using Hms.Proving.Checking.Intervals;
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
    : ExactlyCheckedObligation(id, ObligationKind.Claim, description, script, variables, assumptions, witnesses)
{
    protected override (bool Refutes, string Explanation) Judge(ModelBinding binding) =>
        binding.EvaluatorFor(statement, Witnesses.Count).Holds(body)
            ? (false, "the statement holds under the solver's model")
            : (true, Explain(AssumptionCount > 0));

    protected override string ExplainUndefined(string message) => $"{message} (in {statement.Role})";

    protected override Truth JudgeByIntervals(ModelBinding binding, int bits) =>
        binding.IntervalEvaluatorFor(statement, Witnesses.Count, bits).Truth(body);

    protected override bool JudgementHasTranscendental => Semantics.TranscendentalForms.Occur(body);

    protected override string RefutationText => Explain(AssumptionCount > 0);

    private string Explain(bool hasAssumptions)
    {
        var what = hasAssumptions ? "the assumptions hold and the statement is false" : "the statement is false";
        var forWitness = Witnesses.Count == 0 ? ""
            : $" ({string.Join(", ", Witnesses.Select(w => w.Key))}: the {(Witnesses.Count == 1 ? "value" : "values")} of 'forall {string.Join(", ", Witnesses.Select(w => w.Binder.Name))}' where it fails)";
        // The description already says "the statement: X" (or ", part 2: X"); say it once.
        const string subject = "the statement";
        var which = Description.StartsWith(subject, StringComparison.Ordinal) ? Description[subject.Length..] : $": {Description}";
        return $"{what}{which}{forWitness}";
    }
}

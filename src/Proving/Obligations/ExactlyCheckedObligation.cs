using Hms.Proving.Checking;
using Hms.Proving.Checking.Intervals;
using Hms.Proving.Semantics;
using Hms.Proving.Solvers;

namespace Hms.Proving.Obligations;

/// <summary>
/// An obligation of an infix theorem, whose models are re-checked exactly: the assumptions it relies on must
/// hold under the model, then <see cref="Judge"/> decides. Reaching an undefined expression on the way is a
/// counterexample in its own right (the language says an undefined expression refutes the theorem).
/// </summary>
public abstract class ExactlyCheckedObligation(
    string id, ObligationKind kind, string description, SmtScript script,
    IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Formula> assumptions, IReadOnlyList<Witness> witnesses)
    : Obligation(id, kind, description, script.SolverText, script.Declarations, script.NamedAssumptions, script.Text)
{
    protected IReadOnlyList<Witness> Witnesses => witnesses;

    public override bool SolverCanConfirm { get; } = !script.HasFunctions;

    protected int AssumptionCount => assumptions.Count;

    public sealed override ModelCheck CheckModel(IReadOnlyDictionary<string, ModelValue> model)
    {
        var binding = new ModelBinding(variables, witnesses, model);
        if (binding.InexactReason is { } inexact)
            // The decimal shown for an irrational value is flagged as approximate here too, not only on exact checks.
            return new ModelCheck(ModelCheckOutcome.Inexact, binding.Assignment, inexact) { Approximate = binding.Approximate };
        var intervals = new IntervalJudgement(
            (formula, bits) => binding.IntervalEvaluatorFor(formula, 0, bits), bits => JudgeByIntervals(binding, bits), RefutationText);
        if (binding.HasAlgebraic)
        {
            // Real algebraic values: no rational evaluation; the numbers themselves decide every comparison.
            // Without sqrt, exp, log or real powers that decision is exact; with them it is an interval certificate.
            var exact = !assumptions.Any(a => TranscendentalForms.Occur(a.Tree)) && !JudgementHasTranscendental;
            return IntervalCheck.Run(binding.Assignment, assumptions, intervals, binding.AlgebraicReason, exactly: exact)
                with { Approximate = binding.Approximate };
        }
        var check = ExactCheck.Run(binding.Assignment, assumptions, "under the solver's model",
            formula => binding.EvaluatorFor(formula), () => Judge(binding), ExplainUndefined, intervals);
        return check with { Approximate = binding.Approximate };
    }

    /// <summary>
    /// The obligation's formula at the model by interval arithmetic, where exact evaluation met an irrational
    /// value: False refutes. Unknown by default (an obligation that cannot be judged this way stays inexact).
    /// </summary>
    protected virtual Truth JudgeByIntervals(ModelBinding binding, int bits) => Truth.Unknown;

    /// <summary>Whether what <see cref="JudgeByIntervals"/> evaluates has sqrt, exp, log or a real power.</summary>
    protected virtual bool JudgementHasTranscendental => true;

    /// <summary>What a refutation by intervals says.</summary>
    protected virtual string RefutationText => Description;

    /// <summary>Whether the model, which satisfies the assumptions, refutes this obligation, and why (or why not).</summary>
    protected abstract (bool Refutes, string Explanation) Judge(ModelBinding binding);

    protected virtual string ExplainUndefined(string message) => message;
}

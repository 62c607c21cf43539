using Hms.Proving.Checking.Intervals;
using Hms.Proving.Obligations;
using Hms.Proving.Semantics;

namespace Hms.Proving.Checking;

/// <summary>
/// The one exact re-check of a candidate counterexample, shared by solver models and search finds: the
/// assumptions must hold in order, then the judgement decides. An undefined expression met on the way refutes
/// the theorem by itself; an irrational value makes the check inexact.
/// </summary>
public static class ExactCheck
{
    /// <param name="where">How the candidate is named in reasons: "under the solver's model", "at this point".</param>
    /// <param name="evaluatorFor">An evaluator for a formula with the candidate's values bound.</param>
    /// <param name="judge">Once the assumptions hold: whether the candidate refutes, and why (or why not).</param>
    /// <param name="explainUndefined">Words for an undefined expression met by the judgement.</param>
    /// <param name="intervals">Where exact evaluation meets an irrational value: how to certify by intervals instead.</param>
    public static ModelCheck Run(
        IReadOnlyList<KeyValuePair<string, string>> assignment,
        IReadOnlyList<Formula> assumptions,
        string where,
        Func<Formula, Evaluator> evaluatorFor,
        Func<(bool Refutes, string Explanation)> judge,
        Func<string, string> explainUndefined,
        IntervalJudgement? intervals = null)
    {
        string? role = null;
        try
        {
            foreach (var assumption in assumptions)
            {
                role = assumption.Role;
                if (!evaluatorFor(assumption).Holds(assumption.Tree))
                    return new ModelCheck(ModelCheckOutcome.Rejected, assignment, $"{assumption.Role} ({assumption.Text}) is false {where}");
            }
            role = null;
            var (refutes, explanation) = judge();
            return new ModelCheck(refutes ? ModelCheckOutcome.Confirmed : ModelCheckOutcome.Rejected, assignment, explanation);
        }
        catch (UndefinedException undefined)
        {
            var explanation = role is null ? explainUndefined(undefined.Message) : $"{undefined.Message} (in {role})";
            return new ModelCheck(ModelCheckOutcome.Confirmed, assignment, explanation);
        }
        catch (InexactException e)
        {
            return intervals is null
                ? new ModelCheck(ModelCheckOutcome.Inexact, assignment, e.Message)
                : IntervalCheck.Run(assignment, assumptions, intervals, e.Message);
        }
    }
}

using Hms.Proving.Obligations;

namespace Hms.Proving.Checking.Intervals;

/// <summary>
/// The interval certificate of a candidate counterexample at exact rational values: every assumption must be
/// certainly true, in order, and the statement certainly false. Each round evaluates at a higher precision,
/// until the comparisons are decided or the last precision leaves them undecided (then the candidate stays
/// numeric evidence, never a verdict). With real algebraic values and no sqrt, exp, log or real power
/// (<c>exactly</c>), every decision is exact real algebraic sign determination (isolating intervals refined by
/// bisection, equalities by <see cref="Algebraic.AlgebraicZeroTest"/>), so a confirmation is an exact one.
/// </summary>
public static class IntervalCheck
{
    /// <summary>The precisions tried, in significant bits of the rounded endpoints.</summary>
    public static readonly IReadOnlyList<int> Precisions = [64, 256, 1024, 4096];

    public static ModelCheck Run(
        IReadOnlyList<KeyValuePair<string, string>> assignment,
        IReadOnlyList<Formula> assumptions,
        IntervalJudgement judgement,
        string inexactReason,
        CancellationToken cancellationToken = default,
        bool exactly = false)
    {
        foreach (var bits in Precisions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var undecided = false;
            foreach (var assumption in assumptions)
            {
                var truth = judgement.EvaluatorFor(assumption, bits).Truth(assumption.Tree);
                if (truth == Truth.False)
                    return new ModelCheck(ModelCheckOutcome.Rejected, assignment,
                        $"{assumption.Role} ({assumption.Text}) is false at these values (by interval arithmetic)");
                if (truth == Truth.Unknown)
                {
                    undecided = true;
                    break;
                }
            }
            if (undecided) continue;
            switch (judgement.Statement(bits))
            {
                case Truth.False when exactly:
                    return new ModelCheck(ModelCheckOutcome.Confirmed, assignment,
                        $"{judgement.Refutation} (checked exactly in real algebraic arithmetic: {inexactReason})");
                case Truth.False:
                    return new ModelCheck(ModelCheckOutcome.Confirmed, assignment,
                        $"{judgement.Refutation} (certified by interval arithmetic at {bits} bits, since {inexactReason})")
                    {
                        ByIntervals = true,
                    };
                case Truth.True:
                    return new ModelCheck(ModelCheckOutcome.Rejected, assignment,
                        "the statement holds at these values (by interval arithmetic)");
            }
        }
        return new ModelCheck(ModelCheckOutcome.Inexact, assignment,
            $"{inexactReason}; interval arithmetic up to {Precisions[^1]} bits could not decide it");
    }
}

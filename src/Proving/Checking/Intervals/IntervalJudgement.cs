using Hms.Proving.Obligations;

namespace Hms.Proving.Checking.Intervals;

/// <summary>
/// How to re-check a candidate by interval arithmetic when exact evaluation meets an irrational value: an
/// interval evaluator for each formula at a precision, and the statement's truth at the candidate (False
/// refutes the obligation).
/// </summary>
public sealed record IntervalJudgement(
    Func<Formula, int, IntervalEvaluator> EvaluatorFor,
    Func<int, Truth> Statement,
    string Refutation);

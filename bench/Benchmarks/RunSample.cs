namespace Hms.Benchmarks;

/// <summary>One timed pass of one mode over the whole batch.</summary>
/// <param name="Wall">From the first goal sent to the last answer read.</param>
/// <param name="GoalMs">Each goal's own time in milliseconds, in goal order.</param>
/// <param name="Failures">Goals that did not get the expected answer; a pass with failures is not a result.</param>
internal sealed record RunSample(TimeSpan Wall, IReadOnlyList<double> GoalMs, IReadOnlyList<string> Failures)
{
    /// <summary>Wall time divided by the goals: the cost of a goal at this concurrency, queueing and overlap included.</summary>
    public double WallPerGoalMs => GoalMs.Count == 0 ? 0 : Wall.TotalMilliseconds / GoalMs.Count;
}

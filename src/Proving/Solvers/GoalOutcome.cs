namespace Hms.Proving.Solvers;

/// <summary>A goal's result plus what should happen to the process that ran it.</summary>
internal sealed record GoalOutcome(SolverResult Result, ProcessFate Fate, bool TimedOut = false);

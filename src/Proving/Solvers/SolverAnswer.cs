namespace Hms.Proving.Solvers;

/// <summary>A goal's answer and, when one was asked for, its follow-up's (a model's confirmation).</summary>
public sealed record SolverAnswer(SolverResult Result, SolverResult? FollowUp);

namespace Hms.Agents.Reports;

/// <summary>One proof obligation of a theorem (consistency, well-definedness, a part of the claim) and its result.</summary>
public sealed record ObligationReport(
    string Id,
    string Kind,
    string Description,
    string Status,
    string? Strategy,
    long ElapsedMs,
    CounterexampleReport? Counterexample,
    string? Reason);

namespace Hms.Agents.Reports;

/// <summary>A theorem as an agent reads it: the verdict first, then what it rests on.</summary>
/// <param name="Verdict">PENDING, RUNNING, PROVED, DISPROVED, UNKNOWN, ERROR or CANCELLED.</param>
/// <param name="Counterexample">For DISPROVED (and numeric evidence for UNKNOWN): the refuting assignment.</param>
/// <param name="AssumptionsUsed">For PROVED: the assumptions the proofs needed.</param>
/// <param name="Error">Why there is no verdict (ERROR, CANCELLED), or null.</param>
public sealed record ProofReport(
    string Id,
    string Verdict,
    bool Finished,
    CounterexampleReport? Counterexample,
    IReadOnlyList<ObligationReport> Obligations,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> AssumptionsUsed,
    string? Error,
    string? Complexity,
    long ElapsedMs);

using Hms.Frontend.Validation;
using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Agents.Reports;

/// <summary>A theorem grain's snapshot in the shapes the tools return. Status names are the wire's, upper case.</summary>
internal static class ReportMapping
{
    public static ProofReport ToReport(TheoremSnapshot s) => new(
        s.Spec.Id,
        Name(s.Status),
        s.IsFinished,
        Counterexample(s.Verdict?.Counterexample),
        [.. s.Obligations.Select(o => new ObligationReport(o.Id, o.Kind.ToString(), o.Description, o.Status.ToString().ToUpperInvariant(),
            o.Strategy, o.ElapsedMs, Counterexample(o.Counterexample), o.Reason))],
        s.Verdict?.Warnings ?? [],
        s.Verdict?.AssumptionsUsed ?? [],
        s.Verdict?.Error,
        s.Complexity?.ToString(),
        s.Verdict?.ElapsedMs ?? 0);

    public static TheoremSummary ToSummary(TheoremSnapshot s) =>
        new(s.Spec.Id, s.Spec.Name, s.Spec.Domain, Name(s.Status), Quote.Shorten(s.Spec.Statement), s.UpdatedAt);

    public static string Name(TheoremStatus status) => status.ToString().ToUpperInvariant();

    private static CounterexampleReport? Counterexample(CounterexampleData? c) => c is null ? null
        : new(c.Assignment.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal), c.Confirmation.IsChecked(), c.Explanation,
            c.Confirmation.ToName(), c.Approximate ?? []);
}

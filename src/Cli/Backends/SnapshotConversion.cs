using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Cli.Backends;

/// <summary>A theorem grain's snapshot as the core's result type, which the reports print.</summary>
internal static class SnapshotConversion
{
    public static TheoremResult ToResult(TheoremSnapshot s) => new(
        s.Spec.Id,
        s.Status,
        s.Complexity,
        [.. s.Obligations.Select(o => new ObligationResult(o.Id, o.Kind, o.Description, o.Status, o.Strategy,
            TimeSpan.FromMilliseconds(o.ElapsedMs), Counterexample(o.Counterexample), o.AssumptionsUsed, o.Reason, o.ContentHash)
            { Silo = o.Silo })],
        Counterexample(s.Verdict?.Counterexample),
        s.Verdict?.Warnings ?? [],
        s.Verdict?.AssumptionsUsed ?? [],
        s.Verdict?.Error,
        TimeSpan.FromMilliseconds(s.Verdict?.ElapsedMs ?? 0));

    private static Counterexample? Counterexample(CounterexampleData? c) => c?.ToCore();
}

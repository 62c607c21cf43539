using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

/// <summary>One obligation of a theorem as the theorem grain keeps it.</summary>
[GenerateSerializer, Immutable, Alias("hms.ObligationState")]
public sealed record ObligationState
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public ObligationKind Kind { get; init; }
    [Id(2)] public string Description { get; init; } = "";
    [Id(3)] public string ContentHash { get; init; } = "";
    [Id(4)] public ObligationStatus Status { get; init; } = ObligationStatus.Pending;
    [Id(5)] public string? Strategy { get; init; }
    [Id(6)] public long ElapsedMs { get; init; }
    [Id(7)] public CounterexampleData? Counterexample { get; init; }
    [Id(8)] public IReadOnlyList<int> AssumptionsUsed { get; init; } = [];
    [Id(9)] public string? Reason { get; init; }

    /// <summary>The silo whose solvers proved it (its Orleans address); null when the cache answered.</summary>
    [Id(10)] public string? Silo { get; init; }

    public static ObligationState From(ObligationResult r) => new()
    {
        Id = r.ObligationId,
        Kind = r.Kind,
        Description = r.Description,
        ContentHash = r.ContentHash,
        Status = r.Status,
        Strategy = r.Strategy,
        ElapsedMs = (long)r.Elapsed.TotalMilliseconds,
        Counterexample = CounterexampleData.From(r.Counterexample),
        AssumptionsUsed = [.. r.AssumptionsUsed],
        Reason = r.Reason,
        Silo = r.Silo,
    };
}

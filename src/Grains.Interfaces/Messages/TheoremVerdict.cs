using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

/// <summary>The combined verdict a decomposition reports back when all its obligations are settled.</summary>
[GenerateSerializer, Immutable, Alias("hms.TheoremVerdict")]
public sealed record TheoremVerdict
{
    [Id(0)] public TheoremStatus Status { get; init; }
    [Id(1)] public CounterexampleData? Counterexample { get; init; }
    [Id(2)] public IReadOnlyList<string> Warnings { get; init; } = [];
    [Id(3)] public IReadOnlyList<string> AssumptionsUsed { get; init; } = [];
    [Id(4)] public string? Error { get; init; }
    [Id(5)] public long ElapsedMs { get; init; }

    public static TheoremVerdict From(TheoremResult r) => new()
    {
        Status = r.Status,
        Counterexample = CounterexampleData.From(r.Counterexample),
        Warnings = [.. r.Warnings],
        AssumptionsUsed = [.. r.AssumptionsUsed],
        Error = r.Error,
        ElapsedMs = (long)r.Elapsed.TotalMilliseconds,
    };
}

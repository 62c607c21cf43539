using Hms.Proving.Compiling;
using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

/// <summary>Everything known about a theorem: its document, status, obligations and verdict.</summary>
[GenerateSerializer, Immutable, Alias("hms.TheoremSnapshot")]
public sealed record TheoremSnapshot
{
    [Id(0)] public required TheoremSpec Spec { get; init; }
    [Id(1)] public ProveSettings Settings { get; init; } = new();
    [Id(2)] public TheoremStatus Status { get; init; }
    [Id(3)] public Complexity? Complexity { get; init; }
    [Id(4)] public IReadOnlyList<ObligationState> Obligations { get; init; } = [];
    [Id(5)] public TheoremVerdict? Verdict { get; init; }
    [Id(6)] public IReadOnlyList<string> SolverVersions { get; init; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(9)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(10)] public long LastSequence { get; init; }

    public bool IsFinished => Status is TheoremStatus.Proved or TheoremStatus.Disproved or TheoremStatus.Unknown
        or TheoremStatus.Error or TheoremStatus.Cancelled;
}

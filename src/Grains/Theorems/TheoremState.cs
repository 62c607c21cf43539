using Hms.Grains.Messages;
using Hms.Proving.Compiling;
using Hms.Proving.Proof;

namespace Hms.Grains.Theorems;

/// <summary>What the theorem grain stores: the document, the proof's progress and its verdict.</summary>
[GenerateSerializer, Alias("hms.TheoremState")]
public sealed class TheoremState
{
    [Id(0)] public TheoremSpec? Spec { get; set; }
    [Id(1)] public ProveSettings Settings { get; set; } = new();
    [Id(2)] public string ContentHash { get; set; } = "";
    [Id(3)] public TheoremStatus Status { get; set; } = TheoremStatus.Pending;
    [Id(4)] public Complexity? Complexity { get; set; }
    [Id(5)] public List<ObligationState> Obligations { get; set; } = [];
    [Id(6)] public TheoremVerdict? Verdict { get; set; }
    [Id(7)] public List<string> SolverVersions { get; set; } = [];
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(10)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(11)] public List<ProgressEvent> Events { get; set; } = [];

    /// <summary>Which run of the proof is current; reports from older runs are ignored.</summary>
    [Id(12)] public int Attempt { get; set; }

    public bool IsFinished => Status is TheoremStatus.Proved or TheoremStatus.Disproved or TheoremStatus.Unknown
        or TheoremStatus.Error or TheoremStatus.Cancelled;

    /// <summary>The last number used before the current log began (a replaced theorem keeps counting).</summary>
    [Id(13)] public long SequenceFloor { get; set; }

    public long LastSequence => Events.Count == 0 ? SequenceFloor : Events[^1].Sequence;

    /// <summary>
    /// What a listing shows: the snapshot without the document's bulky text (statement, assumptions, lean_code,
    /// metadata, variables) and without the obligations; the verdict stays.
    /// </summary>
    public TheoremSnapshot ToSummary() => ToSnapshot() with
    {
        Spec = Spec! with { Statement = "", Assumptions = [], LeanCode = null, Metadata = new Dictionary<string, string>(), Variables = [], Definitions = [] },
        Obligations = [],
    };

    public TheoremSnapshot ToSnapshot() => new()
    {
        Spec = Spec!,
        Settings = Settings,
        Status = Status,
        Complexity = Complexity,
        Obligations = [.. Obligations],
        Verdict = Verdict,
        SolverVersions = [.. SolverVersions],
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        CompletedAt = CompletedAt,
        LastSequence = LastSequence,
    };
}

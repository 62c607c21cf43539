using Hms.Grains.Messages;
using Hms.Proving.Compiling;
using Hms.Proving.Proof;

namespace Hms.Grains.Theorems;

/// <summary>
/// What the theorem grain stores besides the document: status, obligations, verdict and the last event number.
/// Small and of a size set by the theorem, not by its events: the events are in the journal, the document in
/// <see cref="TheoremDocumentState"/>, written once per submission.
/// </summary>
[GenerateSerializer, Alias("hms.TheoremState")]
public sealed class TheoremState
{
    /// <summary>Only in rows written before the document had a state of its own; moved there on activation.</summary>
    [Id(0)] public TheoremSpec? LegacySpec { get; set; }
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

    /// <summary>Only in rows written before the journal: the whole event list; moved to the journal on activation.</summary>
    [Id(11)] public List<ProgressEvent>? LegacyEvents { get; set; }

    /// <summary>Which run of the proof is current; reports from older runs are ignored.</summary>
    [Id(12)] public int Attempt { get; set; }

    /// <summary>The last number used before the current log began (a replaced theorem keeps counting).</summary>
    [Id(13)] public long SequenceFloor { get; set; }

    /// <summary>The last event number given out. The journal may hold more (appended after this was written).</summary>
    [Id(14)] public long LastSequence { get; set; }

    /// <summary>The silo that owns the current run (its Orleans address); null when no silo has it.</summary>
    [Id(15)] public string? RunOwner { get; set; }

    public bool IsFinished => Status is TheoremStatus.Proved or TheoremStatus.Disproved or TheoremStatus.Unknown
        or TheoremStatus.Error or TheoremStatus.Cancelled;

    /// <summary>
    /// What a listing shows: the snapshot without the document's bulky text (statement, assumptions, lean_code,
    /// metadata, variables) and without the obligations; the verdict stays.
    /// </summary>
    public TheoremSnapshot ToSummary(TheoremSpec spec, long lastVisibleSequence) => ToSnapshot(spec, lastVisibleSequence) with
    {
        Spec = spec with { Statement = "", Assumptions = [], LeanCode = null, Metadata = new Dictionary<string, string>(), Variables = [], Definitions = [] },
        Obligations = [],
    };

    public TheoremSnapshot ToSnapshot(TheoremSpec spec, long lastVisibleSequence) => new()
    {
        Spec = spec,
        Settings = Settings,
        Status = Status,
        Complexity = Complexity,
        Obligations = [.. Obligations],
        Verdict = Verdict,
        SolverVersions = [.. SolverVersions],
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        CompletedAt = CompletedAt,
        LastSequence = lastVisibleSequence,
    };
}

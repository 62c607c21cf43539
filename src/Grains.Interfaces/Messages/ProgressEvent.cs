using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

/// <summary>
/// One step of a proof, numbered per theorem from 1. The theorem grain keeps every event, so a subscriber
/// that arrives late replays what it missed and then follows the stream live, dropping duplicates by number.
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.ProgressEvent")]
public sealed record ProgressEvent
{
    [Id(0)] public required string TheoremId { get; init; }
    [Id(1)] public long Sequence { get; init; }
    [Id(2)] public ProgressKind Kind { get; init; }
    [Id(3)] public DateTimeOffset At { get; init; }
    [Id(4)] public int? ObligationCount { get; init; }
    [Id(5)] public string? ObligationId { get; init; }
    [Id(6)] public string? Description { get; init; }
    [Id(7)] public string? Strategy { get; init; }
    [Id(8)] public ObligationStatus? ObligationStatus { get; init; }
    [Id(9)] public TheoremStatus? TheoremStatus { get; init; }
    [Id(10)] public long ElapsedMs { get; init; }
    [Id(11)] public int? Generation { get; init; }
    [Id(12)] public double? BestFitness { get; init; }
}

namespace Hms.Grains.Messages;

/// <summary>
/// One obligation sent to another silo: the theorem (the silo compiles it and picks the obligation by id and
/// content hash, so the work is exactly the caller's) and how to prove it.
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.ObligationWork")]
public sealed record ObligationWork
{
    [Id(0)] public required TheoremSpec Spec { get; init; }
    [Id(1)] public required string ObligationId { get; init; }
    [Id(2)] public required string ContentHash { get; init; }
    [Id(3)] public string? Strategy { get; init; }
    [Id(4)] public int Priority { get; init; }
    [Id(5)] public string? Owner { get; init; }
    [Id(6)] public long TimeoutMs { get; init; }
}

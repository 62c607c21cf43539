namespace Hms.Grains.Messages;

/// <summary>
/// What a silo made of an obligation sent to it: the result (with the model and unsat core the cache and the
/// verdict need), or why it refused (full or draining: the caller tries elsewhere; never a verdict).
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.ObligationOutcome")]
public sealed record ObligationOutcome
{
    [Id(0)] public ObligationState? Result { get; init; }
    [Id(1)] public IReadOnlyList<CachedModelValue> Model { get; init; } = [];
    [Id(2)] public IReadOnlyList<string> UnsatCore { get; init; } = [];
    [Id(3)] public long ElapsedTicks { get; init; }
    [Id(4)] public string? Refused { get; init; }
}

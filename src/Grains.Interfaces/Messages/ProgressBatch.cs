namespace Hms.Grains.Messages;

/// <summary>
/// Events a follower has not seen yet, in order; <see cref="Ended"/> when no more will come after them (the
/// theorem is finished and these are its last events, or no theorem has this id).
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.ProgressBatch")]
public sealed record ProgressBatch(
    [property: Id(0)] IReadOnlyList<ProgressEvent> Events,
    [property: Id(1)] bool Ended);

namespace Hms.Interop.SharedMemory;

/// <summary>
/// Names a leased buffer across a grain boundary: a grain passes this, not the buffer, and the silo's bridge resolves
/// it against its own pool (<see cref="SharedMemoryPool.Resolve"/>), which refuses a handle whose lease is over.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SharedBufferHandle(
    [property: Id(0)] string SegmentName,
    [property: Id(1)] long Offset,
    [property: Id(2)] int Length,
    [property: Id(3)] long LeaseId);

namespace Hms.Interop.SharedMemory;

/// <summary>A power-of-two slice of a segment that the pool hands out again and again.</summary>
internal sealed record PoolBlock(SharedSegment Segment, long Offset, long Capacity, int SizeClass);

using Hms.Interop.SharedMemory;

namespace Hms.Interop.Tests.SharedMemory;

/// <summary>A prefix per test, so that sweeps and counts of one test never see another's segments.</summary>
internal static class PoolTestOptions
{
    public static SharedMemoryOptions Unique(long segmentBytes = 1 << 16, long maxBytes = 16L << 20) => new()
    {
        Prefix = $"hms-pooltest{Guid.NewGuid():N}",
        SegmentBytes = segmentBytes,
        MaxBytes = maxBytes,
    };
}

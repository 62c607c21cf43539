namespace Hms.Interop.SharedMemory;

/// <summary>Where shared segments live and how large the pool may grow.</summary>
public sealed class SharedMemoryOptions
{
    /// <summary>A tmpfs, so segments are plain memory that other processes can map by name.</summary>
    public string Directory { get; set; } = "/dev/shm";

    /// <summary>Segments are named PREFIX-PID-N; the pid tells whether a leftover belongs to a dead process.</summary>
    public string Prefix { get; set; } = "hms";

    /// <summary>Size of one segment; a larger buffer gets a segment of its own. Pages are only used once touched.</summary>
    public long SegmentBytes { get; set; } = 64L << 20;

    /// <summary>All segments of one pool together; a rent beyond it throws <see cref="SharedMemoryExhaustedException"/>.</summary>
    public long MaxBytes { get; set; } = 4L << 30;

    internal SharedMemoryOptions Snapshot() => new()
    {
        Directory = Directory,
        Prefix = Prefix,
        SegmentBytes = SegmentBytes,
        MaxBytes = MaxBytes,
    };
}

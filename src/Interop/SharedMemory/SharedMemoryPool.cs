using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hms.Interop.SharedMemory;

/// <summary>
/// Buffers of shared memory for handing arrays to NumPy (in this process, or in another that maps the segment
/// file) without copying. Sizes round up to a power of two of at least 64 bytes; freed buffers wait in a list per
/// size. Segments are files PREFIX-PID-N in the shared-memory directory; leftovers of dead processes are swept when a
/// pool starts, and a pool removes its own files on Dispose (or, failing that, when the process exits).
/// </summary>
public sealed class SharedMemoryPool : IDisposable
{
    public const int Alignment = 64;
    private const int MinimumShift = 6;

    private readonly SharedMemoryOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private readonly List<SharedSegment> _segments = [];
    private readonly Stack<PoolBlock>[] _free = new Stack<PoolBlock>[32 - MinimumShift];
    private readonly Dictionary<long, WeakReference<SharedBuffer>> _leases = [];
    private SharedSegment? _current;
    private long _mappedBytes;
    private long _nextLease;
    private long _rents;
    private long _leaked;
    private long _doubleReturns;
    private long _quarantined;
    private bool _disposed;

    public SharedMemoryPool(SharedMemoryOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory, nameof(options.Directory));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Prefix, nameof(options.Prefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegmentBytes, 1L << 16, nameof(options.SegmentBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, options.SegmentBytes, nameof(options.MaxBytes));
        if (!BitOperations.IsPow2(options.SegmentBytes))
            throw new ArgumentException("SegmentBytes must be a power of two.", nameof(options));
        _options = options.Snapshot();
        _logger = logger ?? NullLogger.Instance;
        for (var i = 0; i < _free.Length; i++)
            _free[i] = new Stack<PoolBlock>();
        if (!System.IO.Directory.Exists(_options.Directory))
            throw new DirectoryNotFoundException($"The shared-memory directory {_options.Directory} does not exist.");
        foreach (var path in StaleSegmentSweeper.Sweep(_options.Directory, _options.Prefix))
            _logger.LogInformation("Removed the stale shared-memory segment {Path} of a process that is gone", path);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string Directory => _options.Directory;

    /// <summary>Full paths of the segment files mapped now.</summary>
    public IReadOnlyList<string> SegmentPaths
    {
        get
        {
            lock (_sync) return [.. _segments.Select(s => s.Path)];
        }
    }

    public SharedMemoryPoolStatistics Statistics
    {
        get
        {
            lock (_sync)
            {
                return new SharedMemoryPoolStatistics(
                    _segments.Count, _mappedBytes, _leases.Count, _free.Sum(f => f.Count),
                    _rents, _leaked, _doubleReturns, _quarantined);
            }
        }
    }

    /// <summary>Leases a buffer of <paramref name="bytes"/> bytes, 64-byte aligned.</summary>
    /// <exception cref="SharedMemoryExhaustedException">the pool would grow past its MaxBytes.</exception>
    public SharedBuffer Rent(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var sizeClass = SizeClassOf(bytes);
        lock (_sync)
        {
            ThrowIfDisposed();
            var block = _free[sizeClass].TryPop(out var reused) ? reused : Carve(sizeClass);
            var buffer = new SharedBuffer(this, block, bytes, ++_nextLease);
            _leases[buffer.LeaseId] = new WeakReference<SharedBuffer>(buffer);
            _rents++;
            return buffer;
        }
    }

    /// <summary>The live lease a handle names (it came back across a grain boundary).</summary>
    /// <exception cref="ArgumentException">the handle names no current lease of this pool.</exception>
    public SharedBuffer Resolve(SharedBufferHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        lock (_sync)
        {
            ThrowIfDisposed();
            if (_leases.TryGetValue(handle.LeaseId, out var weak) && weak.TryGetTarget(out var buffer)
                && buffer.SegmentName == handle.SegmentName && buffer.Offset == handle.Offset && buffer.Length == handle.Length
                && !buffer.IsDisposed)
                return buffer;
        }
        throw new ArgumentException(
            $"{handle.SegmentName}@{handle.Offset} (lease {handle.LeaseId}) is not a live lease of this silo's shared-memory pool.",
            nameof(handle));
    }

    /// <summary>Unmaps and removes every segment. Leases still out become unusable (their accessors throw).</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (_leases.Count > 0)
                _logger.LogWarning("The shared-memory pool closed with {Count} buffers still leased", _leases.Count);
            foreach (var segment in _segments)
                segment.Dispose();
            _segments.Clear();
            _leases.Clear();
            _current = null;
            _mappedBytes = 0;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    internal void Return(SharedBuffer buffer, bool quarantined)
    {
        lock (_sync)
        {
            if (_disposed)
                return;
            _leases.Remove(buffer.LeaseId);
            if (quarantined)
            {
                _quarantined++;
                _logger.LogWarning(
                    "Shared buffer {Segment}@{Offset} is quarantined: Python kept a view of it past a call", buffer.SegmentName, buffer.Offset);
                return;
            }
            _free[buffer.Block.SizeClass].Push(buffer.Block);
        }
    }

    internal void TakeBackLeaked(SharedBuffer buffer, bool quarantined)
    {
        lock (_sync)
        {
            _leaked++;
            if (_disposed)
                return;
            _leases.Remove(buffer.LeaseId);
            if (quarantined)
                _quarantined++;
            else
                _free[buffer.Block.SizeClass].Push(buffer.Block);
        }
        _logger.LogWarning(
            "Shared buffer {Segment}@{Offset} (lease {Lease}) was never disposed; it was taken back when collected",
            buffer.SegmentName, buffer.Offset, buffer.LeaseId);
    }

    internal void CountDoubleReturn()
    {
        lock (_sync) _doubleReturns++;
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);

    private static int SizeClassOf(int bytes) =>
        bytes <= Alignment ? 0 : BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)bytes)) - MinimumShift;

    private PoolBlock Carve(int sizeClass)
    {
        var size = (long)Alignment << sizeClass;
        if (size > _options.SegmentBytes)
        {
            // A buffer larger than a segment gets a segment of its own; it is reused like any other block.
            var own = NewSegment(size);
            own.TryCarve(size, out var start);
            return new PoolBlock(own, start, size, sizeClass);
        }
        if (_current is null || !_current.TryCarve(size, out var offset))
        {
            if (_current is not null)
                ShelveTail(_current);
            _current = NewSegment(_options.SegmentBytes);
            _current.TryCarve(size, out offset);
        }
        return new PoolBlock(_current, offset, size, sizeClass);
    }

    /// <summary>Cuts the uncarved tail of a full segment into the largest blocks that fit, so none of it is wasted.</summary>
    private void ShelveTail(SharedSegment segment)
    {
        while (segment.Remaining >= Alignment)
        {
            var size = (long)BitOperations.RoundUpToPowerOf2((ulong)segment.Remaining + 1) >> 1;
            segment.TryCarve(size, out var offset);
            var sizeClass = BitOperations.Log2((ulong)size) - MinimumShift;
            _free[sizeClass].Push(new PoolBlock(segment, offset, size, sizeClass));
        }
    }

    private SharedSegment NewSegment(long capacity)
    {
        if (_mappedBytes + capacity > _options.MaxBytes)
            throw new SharedMemoryExhaustedException(
                $"The shared-memory pool is limited to {_options.MaxBytes} bytes and has {_mappedBytes} mapped; " +
                $"a segment of {capacity} more does not fit (dispose buffers, or raise SharedMemory:MaxBytes).");
        var segment = SharedSegment.Create(_options.Directory, _options.Prefix, capacity);
        _segments.Add(segment);
        _mappedBytes += capacity;
        return segment;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();
}

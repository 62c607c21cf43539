using System.Runtime.InteropServices;

namespace Hms.Interop.SharedMemory;

/// <summary>
/// A lease of 64-byte-aligned shared memory. Dispose returns it to the pool once: a second Dispose is a bug in the
/// caller and throws; a lease the GC finds undisposed is counted as leaked and taken back. While Python holds a
/// view of it (inside a call) the memory is not reused even if the lease is disposed meanwhile; if Python kept a
/// view past its call, the memory is quarantined and never reused, so the stale view cannot see another lease's data.
/// The contents of a fresh lease are whatever the last user left.
/// </summary>
public sealed unsafe class SharedBuffer : IDisposable
{
    private readonly SharedMemoryPool _pool;
    private readonly Lock _sync = new();
    private bool _returned;
    private bool _released;
    private bool _quarantined;
    private int _pins;

    internal SharedBuffer(SharedMemoryPool pool, PoolBlock block, int length, long leaseId)
    {
        _pool = pool;
        Block = block;
        Length = length;
        LeaseId = leaseId;
    }

    ~SharedBuffer()
    {
        // Nothing references the lease any more, so nothing can touch its memory through it: take it back.
        _pool.TakeBackLeaked(this, _quarantined);
    }

    internal PoolBlock Block { get; }

    /// <summary>Tells leases apart across reuse of the same memory.</summary>
    public long LeaseId { get; }

    /// <summary>The bytes asked for (the block behind may be larger).</summary>
    public int Length { get; }

    /// <summary>File name of the segment under the pool's directory (PREFIX-PID-N).</summary>
    public string SegmentName => Block.Segment.Name;

    /// <summary>Full path of the segment file, for another process to map.</summary>
    public string SegmentPath => Block.Segment.Path;

    /// <summary>Where the buffer starts in its segment file; a multiple of 64.</summary>
    public long Offset => Block.Offset;

    public nint Address
    {
        get
        {
            ThrowIfUnusable();
            return (nint)(Block.Segment.Start + Block.Offset);
        }
    }

    public Span<byte> Span => new((void*)Address, Length);

    /// <summary>The buffer as whole elements of <typeparamref name="T"/>; alignment is never a concern (64 bytes).</summary>
    public Span<T> AsSpan<T>() where T : unmanaged => MemoryMarshal.Cast<byte, T>(Span);

    public SharedBufferHandle Handle => new(SegmentName, Offset, Length, LeaseId);

    public bool IsDisposed
    {
        get
        {
            lock (_sync) return _returned;
        }
    }

    /// <summary>Returns the lease to the pool.</summary>
    /// <exception cref="InvalidOperationException">the lease was returned already (a double return).</exception>
    public void Dispose()
    {
        bool release;
        lock (_sync)
        {
            if (_returned)
            {
                _pool.CountDoubleReturn();
                throw new InvalidOperationException(
                    $"Shared buffer {SegmentName}@{Offset} (lease {LeaseId}) was returned to the pool twice.");
            }
            _returned = true;
            release = TryRelease();
        }
        GC.SuppressFinalize(this);
        if (release)
            _pool.Return(this, _quarantined);
    }

    /// <summary>A view is being handed to Python: the memory must stay this lease's until <see cref="Unpin"/>.</summary>
    internal void Pin()
    {
        lock (_sync)
        {
            ThrowIfUnusable();
            _pins++;
        }
    }

    /// <param name="kept">Python still references the view: the memory may never be reused.</param>
    internal void Unpin(bool kept)
    {
        bool release;
        lock (_sync)
        {
            _pins--;
            _quarantined |= kept;
            release = TryRelease();
        }
        if (release)
            _pool.Return(this, _quarantined);
    }

    private bool TryRelease()
    {
        if (!_returned || _pins > 0 || _released)
            return false;
        _released = true;
        return true;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_returned, this);
        _pool.ThrowIfDisposed();
    }
}

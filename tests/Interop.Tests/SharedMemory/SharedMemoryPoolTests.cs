using System.Runtime.CompilerServices;
using Hms.Interop.SharedMemory;

namespace Hms.Interop.Tests.SharedMemory;

public sealed class SharedMemoryPoolTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void Buffers_are_64_byte_aligned_and_as_long_as_asked(int bytes)
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique());

        using var first = pool.Rent(1);
        using var buffer = pool.Rent(bytes);

        Assert.Equal(0, buffer.Address % 64);
        Assert.Equal(0, buffer.Offset % 64);
        Assert.Equal(bytes, buffer.Length);
        Assert.Equal(bytes, buffer.Span.Length);
    }

    [Fact]
    public void A_returned_buffer_is_reused_and_the_old_lease_is_dead()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique());
        var first = pool.Rent(1000);
        var address = first.Address;

        first.Dispose();
        using var second = pool.Rent(900);

        Assert.Equal(address, second.Address);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
        Assert.Throws<ObjectDisposedException>(() => first.Span.Length);
        Assert.Equal(1, pool.Statistics.LeasedBuffers);
    }

    [Fact]
    public void A_double_return_throws_and_is_counted()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique());
        var buffer = pool.Rent(64);
        buffer.Dispose();

        var error = Assert.Throws<InvalidOperationException>(buffer.Dispose);

        Assert.Contains("twice", error.Message);
        Assert.Equal(1, pool.Statistics.DoubleReturns);
        Assert.Equal(1, pool.Statistics.FreeBuffers);
    }

    [Fact]
    public void A_leaked_lease_is_detected_and_its_memory_taken_back()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique());

        var address = RentAndForget(pool);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(1, pool.Statistics.LeakedLeases);
        Assert.Equal(0, pool.Statistics.LeasedBuffers);
        using var again = pool.Rent(256);
        Assert.Equal(address, again.Address);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint RentAndForget(SharedMemoryPool pool) => pool.Rent(256).Address;

    [Fact]
    public void Segments_exist_while_the_pool_lives_and_are_removed_on_dispose()
    {
        var pool = new SharedMemoryPool(PoolTestOptions.Unique(segmentBytes: 1 << 16));
        var buffers = Enumerable.Range(0, 3).Select(_ => pool.Rent(1 << 15)).ToList();
        var paths = pool.SegmentPaths;

        Assert.Equal(2, paths.Count);
        Assert.All(paths, path => Assert.True(File.Exists(path), path));
        Assert.All(paths, path => Assert.StartsWith($"/dev/shm/hms-pooltest", path));
        Assert.Contains($"-{Environment.ProcessId}-", Path.GetFileName(paths[0]));

        pool.Dispose();

        Assert.All(paths, path => Assert.False(File.Exists(path), path));
        Assert.Throws<ObjectDisposedException>(() => buffers[0].Span.Length);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent(1));
    }

    [Fact]
    public void A_buffer_larger_than_a_segment_gets_a_segment_of_its_own()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique(segmentBytes: 1 << 16));

        using var large = pool.Rent(200_000);
        large.Span.Fill(7);

        Assert.Equal(1, pool.Statistics.Segments);
        Assert.Equal(1L << 18, pool.Statistics.MappedBytes);
        Assert.Equal(0, large.Offset);
    }

    [Fact]
    public void The_tail_of_a_full_segment_is_not_wasted()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique(segmentBytes: 1 << 16));

        using var small = pool.Rent(64);
        using var large = pool.Rent(1 << 15);
        using var fills = pool.Rent(1 << 15);

        // The second 32 KiB block does not fit in what is left of segment one, so that tail (32 KiB - 64 B) is shelved.
        Assert.Equal(2, pool.Statistics.Segments);
        Assert.True(pool.Statistics.FreeBuffers >= 9, $"{pool.Statistics.FreeBuffers} free blocks");
        using var fromTail = pool.Rent(1 << 14);
        Assert.Equal(small.SegmentName, fromTail.SegmentName);
    }

    [Fact]
    public void Renting_past_the_limit_is_a_clear_error()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique(segmentBytes: 1 << 16, maxBytes: 1 << 17));
        using var a = pool.Rent(1 << 16);
        using var b = pool.Rent(1 << 16);

        var error = Assert.Throws<SharedMemoryExhaustedException>(() => pool.Rent(1));

        Assert.Contains("MaxBytes", error.Message);
    }

    [Fact]
    public void A_handle_resolves_to_its_live_lease_only()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique());
        var buffer = pool.Rent(128);
        var handle = buffer.Handle;

        Assert.Same(buffer, pool.Resolve(handle));
        Assert.Throws<ArgumentException>(() => pool.Resolve(handle with { Offset = handle.Offset + 64 }));
        buffer.Dispose();
        Assert.Throws<ArgumentException>(() => pool.Resolve(handle));
    }
}

using Hms.Interop.SharedMemory;

namespace Hms.Interop.Tests.SharedMemory;

public sealed class StaleSegmentTests
{
    [Fact]
    public void Leftovers_of_dead_processes_are_swept_when_a_pool_starts_and_live_ones_are_kept()
    {
        var options = PoolTestOptions.Unique();
        var dead = Path.Combine(options.Directory, $"{options.Prefix}-{DeadProcessId()}-0");
        var live = Path.Combine(options.Directory, $"{options.Prefix}-1-0");
        var previousSelf = Path.Combine(options.Directory, $"{options.Prefix}-{Environment.ProcessId}-999999");
        var unrelated = Path.Combine(options.Directory, $"{options.Prefix}-notasegment");
        string[] files = [dead, live, previousSelf, unrelated];
        foreach (var file in files)
            File.WriteAllBytes(file, new byte[64]);
        try
        {
            using var pool = new SharedMemoryPool(options);

            Assert.False(File.Exists(dead), "a dead process's segment was kept");
            Assert.False(File.Exists(previousSelf), "an earlier process with our pid left a segment that was kept");
            Assert.True(File.Exists(live), "a live process's segment was removed");
            Assert.True(File.Exists(unrelated), "a file that is no segment was removed");
        }
        finally
        {
            foreach (var file in files)
                File.Delete(file);
        }
    }

    [Fact]
    public void A_second_pool_in_the_process_leaves_the_first_ones_segments_alone()
    {
        var options = PoolTestOptions.Unique();
        using var first = new SharedMemoryPool(options);
        using var buffer = first.Rent(64);

        using var second = new SharedMemoryPool(options);

        Assert.True(File.Exists(buffer.SegmentPath));
    }

    private static int DeadProcessId()
    {
        var max = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim());
        for (var pid = max - 1; pid > 1; pid--)
        {
            if (!Directory.Exists($"/proc/{pid}"))
                return pid;
        }
        throw new InvalidOperationException("every pid is in use");
    }
}

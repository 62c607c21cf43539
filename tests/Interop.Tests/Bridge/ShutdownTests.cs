using Hms.Interop.Bridge;
using Hms.Interop.Tests.Fixtures;

namespace Hms.Interop.Tests.Bridge;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Disposing_a_bridge_removes_its_segments_and_refuses_later_calls()
    {
        var bridge = await PythonBridge.StartAsync(TestOptions.Bridge(segmentBytes: 1 << 16));
        var buffers = Enumerable.Range(0, 4).Select(_ => bridge.Buffers.Rent(1 << 15)).ToList();
        var paths = bridge.Buffers.SegmentPaths;
        foreach (var buffer in buffers)
            buffer.Dispose();

        await bridge.DisposeAsync();

        Assert.Equal(2, paths.Count);
        Assert.All(paths, path => Assert.False(File.Exists(path), path));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => bridge.InvokeAsync(_ => 0));
        await bridge.DisposeAsync();
    }

    [Fact]
    public async Task Calls_still_queued_when_the_bridge_closes_are_refused_and_running_ones_finish()
    {
        var bridge = await PythonBridge.StartAsync(TestOptions.Bridge());
        Task<int> queued;
        ValueTask closing;

        await using (var gate = await PythonGate.CloseAsync(bridge))
        {
            queued = bridge.InvokeAsync(_ => 1);
            closing = bridge.DisposeAsync();
            Assert.False(closing.IsCompleted);
        }
        await closing;

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        Assert.Empty(bridge.Buffers.SegmentPaths);
    }
}

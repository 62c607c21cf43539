using Hms.Interop.Bridge;
using Hms.Interop.Tests.Fixtures;
using Python.Runtime;

namespace Hms.Interop.Tests.Bridge;

[Collection(BridgeCollection.Name)]
public sealed class ViewLifetimeTests(BridgeFixture fixture)
{
    private PythonBridge Bridge => fixture.Bridge;

    [Fact]
    public async Task A_view_kept_past_the_call_fails_the_call_and_its_memory_is_never_reused()
    {
        var quarantinedBefore = Bridge.Buffers.Statistics.QuarantinedBuffers;
        var buffer = Bridge.Buffers.Rent(4096);
        var address = buffer.Address;

        var error = await Assert.ThrowsAsync<PythonViewKeptException>(() => Bridge.InvokeAsync(context =>
        {
            using (context.Import(ProbeModule.Name).InvokeMethod("keep", context.ToNumPy<double>(buffer))) { }
            return 0;
        }));
        buffer.Dispose();

        Assert.Contains(buffer.SegmentName, error.Message);
        Assert.Equal(quarantinedBefore + 1, Bridge.Buffers.Statistics.QuarantinedBuffers);
        using (var next = Bridge.Buffers.Rent(4096))
            Assert.NotEqual(address, next.Address);
        await Bridge.InvokeAsync(context =>
        {
            using (context.Import(ProbeModule.Name).InvokeMethod("release")) { }
        });
    }

    [Fact]
    public async Task A_view_returned_from_its_call_raises_a_clear_error_when_used_later()
    {
        using var buffer = Bridge.Buffers.Rent(64);

        var view = await Bridge.InvokeAsync(context => context.ToNumPy<byte>(buffer));
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(_ => view.GetAttr("shape").ToString()));

        Assert.True(ExpiredView.CanRepoint, "pythonnet's PyObject pointer field moved; expired views are now only disposed");
        Assert.Equal("hms_bridge.views.ViewExpiredError", error.PythonType);
        Assert.Equal("<expired view of a shared buffer>", await Bridge.InvokeAsync(_ => view.ToString()));
        await Bridge.InvokeAsync(_ => view.Dispose());
    }

    [Fact]
    public async Task Returning_a_view_derived_in_dotnet_is_keeping_it()
    {
        using var buffer = Bridge.Buffers.Rent(64);

        await Assert.ThrowsAsync<PythonViewKeptException>(() => Bridge.InvokeAsync(context =>
        {
            using var flat = new PyInt(-1);
            return context.ToNumPy<byte>(buffer).InvokeMethod("reshape", flat);
        }));
    }

    [Fact]
    public async Task Views_and_their_derived_views_disposed_inside_the_call_leave_nothing_behind()
    {
        var before = Bridge.Buffers.Statistics;
        var buffers = Enumerable.Range(1, 10).Select(i => Bridge.Buffers.Rent(i * 128)).ToList();

        await Bridge.InvokeAsync(context =>
        {
            using var flat = new PyInt(-1);
            foreach (var buffer in buffers)
            {
                var array = context.ToNumPy<double>(buffer);
                using var reshaped = array.InvokeMethod("reshape", flat);
                using var sum = reshaped.InvokeMethod("sum");
            }
        });
        foreach (var buffer in buffers)
            buffer.Dispose();

        var after = Bridge.Buffers.Statistics;
        Assert.Equal(before.LeasedBuffers, after.LeasedBuffers);
        Assert.Equal(before.QuarantinedBuffers, after.QuarantinedBuffers);
        Assert.All(buffers, b => Assert.Throws<ObjectDisposedException>(() => b.Address));
    }

    [Fact]
    public async Task A_lease_returned_during_the_call_keeps_its_memory_until_the_call_ends()
    {
        var buffer = Bridge.Buffers.Rent(1 << 12);
        var address = buffer.Address;

        var rentedDuringCall = await Bridge.InvokeAsync(context =>
        {
            var array = context.ToNumPy<double>(buffer);
            buffer.Dispose();
            using var again = Bridge.Buffers.Rent(1 << 12);
            return again.Address;
        });
        using var afterCall = Bridge.Buffers.Rent(1 << 12);

        Assert.NotEqual(address, rentedDuringCall);
        Assert.Contains(afterCall.Address, new[] { address, rentedDuringCall });
    }

    [Fact]
    public async Task A_context_is_useless_outside_its_call()
    {
        using var buffer = Bridge.Buffers.Rent(64);

        var context = await Bridge.InvokeAsync(context => context);

        Assert.Throws<InvalidOperationException>(() => context.ToNumPy<byte>(buffer));
        Assert.Throws<InvalidOperationException>(() => context.Import("sys"));
    }

    [Fact]
    public async Task A_failing_call_whose_frames_held_a_view_reports_the_python_error_not_a_kept_view()
    {
        using var buffer = Bridge.Buffers.Rent(64);
        var quarantinedBefore = Bridge.Buffers.Statistics.QuarantinedBuffers;

        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context =>
        {
            using (context.Import(ProbeModule.Name).InvokeMethod("fail_with_view", context.ToNumPy<double>(buffer))) { }
        }));

        Assert.Equal("KeyError", error.PythonType);
        Assert.Equal(quarantinedBefore, Bridge.Buffers.Statistics.QuarantinedBuffers);
    }
}

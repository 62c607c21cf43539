using Hms.Interop.Bridge;
using Hms.Interop.Hosting;
using Hms.Interop.Tests.Fixtures;
using Python.Runtime;

namespace Hms.Interop.Tests.Bridge;

[Collection(BridgeCollection.Name)]
public sealed class FailureTests(BridgeFixture fixture)
{
    private PythonBridge Bridge => fixture.Bridge;

    [Fact]
    public async Task A_python_exception_carries_type_message_and_traceback_and_the_next_call_works()
    {
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context =>
        {
            using var message = new PyString("no feasible population");
            using (context.Import(ProbeModule.Name).InvokeMethod("fail", message)) { }
        }));

        Assert.Equal("ValueError", error.PythonType);
        Assert.Equal("no feasible population", error.PythonMessage);
        Assert.Contains("Traceback (most recent call last)", error.PythonTraceback);
        Assert.Contains("in fail", error.PythonTraceback);
        Assert.Contains("ValueError: no feasible population", error.ToString());
        Assert.Equal(4, await Bridge.InvokeAsync(_ => 2 + 2));
    }

    [Fact]
    public async Task Sys_exit_in_python_fails_only_that_call()
    {
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context =>
        {
            using var code = new PyInt(3);
            using (context.Import(ProbeModule.Name).InvokeMethod("exit", code)) { }
        }));

        Assert.Equal("SystemExit", error.PythonType);
        Assert.Equal("3", error.PythonMessage);
        Assert.Equal("ok", await Bridge.InvokeAsync(_ => "ok"));
    }

    [Fact]
    public async Task Runaway_recursion_fails_only_that_call()
    {
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context =>
        {
            using (context.Import(ProbeModule.Name).InvokeMethod("recurse")) { }
        }));

        Assert.Equal("RecursionError", error.PythonType);
        Assert.Equal("ok", await Bridge.InvokeAsync(_ => "ok"));
    }

    [Fact]
    public async Task A_missing_module_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context => context.Import("no_such_module_here").IsNone()));

        Assert.Equal("ModuleNotFoundError", error.PythonType);
        Assert.Contains("no_such_module_here", error.PythonMessage);
    }

    [Fact]
    public async Task Missing_numpy_fails_the_calls_that_need_it_with_the_debian_package_named()
    {
        using var buffer = Bridge.Buffers.Rent(64);

        // Hide NumPy from hms_bridge for the length of one call, as on a machine without python3-numpy.
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context =>
        {
            var views = context.Import("hms_bridge.views");
            using var numpy = views.GetAttr("numpy");
            views.SetAttr("numpy", PyObject.None);
            try
            {
                return context.ToNumPy<double>(buffer).IsNone();
            }
            finally
            {
                views.SetAttr("numpy", numpy);
            }
        }));

        Assert.Equal("hms_bridge.views.NumPyMissingError", error.PythonType);
        Assert.Contains("python3-numpy", error.PythonMessage);
        Assert.Equal(8L, await Bridge.InvokeAsync(context => context.ToNumPy<double>(buffer).Length()));
    }

    [Fact]
    public async Task A_dotnet_exception_in_the_work_surfaces_as_itself()
    {
        var error = await Assert.ThrowsAsync<InvalidCastException>(() => Bridge.InvokeAsync<int>(_ => throw new InvalidCastException("mine")));

        Assert.Equal("mine", error.Message);
    }

    [Fact]
    public async Task Calling_the_bridge_from_inside_a_call_is_refused_instead_of_deadlocking()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bridge.InvokeAsync(_ => Bridge.InvokeAsync(_ => 1).Result));

        Assert.Contains("inside a Python call", error.Message);
    }

    [Fact]
    public async Task A_missing_libpython_is_a_clear_error()
    {
        var options = TestOptions.Bridge();
        options.Library = "/nonexistent/libpython3.11.so.1.0";

        var error = await Assert.ThrowsAsync<PythonRuntimeNotFoundException>(() => PythonBridge.StartAsync(options));

        Assert.Equal(options.Library, error.Library);
        Assert.Contains("/nonexistent/libpython3.11.so.1.0", error.Message);
        Assert.Contains("apt-get install libpython3.11", error.Message);
    }

    [Fact]
    public async Task A_second_bridge_cannot_ask_for_another_interpreter()
    {
        var options = TestOptions.Bridge();
        options.Home = "/opt/elsewhere";

        await Assert.ThrowsAsync<PythonStartException>(() => PythonBridge.StartAsync(options));
    }

    [Fact]
    public async Task A_call_cancelled_while_queued_never_runs()
    {
        using var cancellation = new CancellationTokenSource();
        var ran = false;
        Task queued;
        await using (await PythonGate.CloseAsync(Bridge))
        {
            queued = Bridge.InvokeAsync(_ => ran = true, cancellation.Token);
            await cancellation.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        await Bridge.InvokeAsync(_ => 0);
        Assert.False(ran);
    }
}

using Hms.Interop.Bridge;
using Hms.Interop.Tests.Fixtures;
using Python.Runtime;

namespace Hms.Interop.Tests.Bridge;

/// <summary>Each test has a bridge of its own, so its statistics count its own calls only.</summary>
public sealed class BatchingTests
{
    [Fact]
    public async Task Work_runs_on_the_python_thread_and_its_continuation_does_not()
    {
        await using var bridge = await PythonBridge.StartAsync(TestOptions.Bridge());

        var thread = await bridge.InvokeAsync(_ => Thread.CurrentThread.Name);

        Assert.Equal("hms-python", thread);
        Assert.NotEqual("hms-python", Thread.CurrentThread.Name);
    }

    [Fact]
    public async Task Calls_queued_while_python_is_busy_share_one_gil_hold()
    {
        await using var bridge = await PythonBridge.StartAsync(TestOptions.Bridge());
        Task<long>[] calls;

        await using (await PythonGate.CloseAsync(bridge))
            calls = [.. Enumerable.Range(0, 1000).Select(i => bridge.InvokeAsync(_ => (long)i * i))];
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i * i), results);
        Assert.Equal(1001, bridge.Statistics.Calls);
        // The gate's own hold, then the thousand in one (two if another test's calls got in between).
        Assert.InRange(bridge.Statistics.Batches, 2, 3);
    }

    [Fact]
    public async Task Batches_are_no_larger_than_configured()
    {
        var options = TestOptions.Bridge();
        options.MaxBatchSize = 10;
        await using var bridge = await PythonBridge.StartAsync(options);
        Task[] calls;

        await using (await PythonGate.CloseAsync(bridge))
            calls = [.. Enumerable.Range(0, 100).Select(_ => bridge.InvokeAsync(_ => 0))];
        await Task.WhenAll(calls);

        Assert.True(bridge.Statistics.Batches >= 1 + 100 / 10, $"{bridge.Statistics.Batches} batches");
    }

    [Fact]
    public async Task Sixty_four_tasks_of_a_hundred_calls_each_finish_without_deadlock_in_shared_batches()
    {
        await using var bridge = await PythonBridge.StartAsync(TestOptions.Bridge());
        await ProbeModule.RegisterAsync(bridge);
        var callsBefore = bridge.Statistics.Calls;
        var batchesBefore = bridge.Statistics.Batches;

        var tasks = Enumerable.Range(0, 64).Select(t => Task.Run(async () =>
        {
            using var buffer = bridge.Buffers.Rent(sizeof(double));
            for (var i = 0; i < 100; i++)
            {
                buffer.AsSpan<double>()[0] = i;
                var seen = await bridge.InvokeAsync(context =>
                {
                    using var factor = new PyFloat(2);
                    using (context.Import(ProbeModule.Name).InvokeMethod("scale", context.ToNumPy<double>(buffer), factor)) { }
                    return buffer.AsSpan<double>()[0];
                });
                Assert.Equal(2.0 * i, seen);
            }
        }));
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2));

        var calls = bridge.Statistics.Calls - callsBefore;
        var batches = bridge.Statistics.Batches - batchesBefore;
        Assert.Equal(6400, calls);
        Assert.Equal(0, bridge.Statistics.Failures);
        Assert.True(batches < calls, $"{calls} calls in {batches} batches");
        Assert.Equal(0, bridge.Buffers.Statistics.LeasedBuffers);
    }
}

using Hms.Interop.Bridge;
using Python.Runtime;

namespace Hms.Interop.Bench;

/// <summary>
/// What queueing costs per item: a call per item awaited one by one (every call wakes the Python thread and takes
/// the GIL), against 1,000 calls queued at once (drained under shared GIL holds), against one call looping over the
/// items. Two kinds of item: no work at all (the bridge's own cost), and one call of a Python function.
/// </summary>
internal sealed class CallOverheadBenchmark(PythonBridge bridge, BenchModule module, int passes)
{
    private const int BatchSize = 1000;
    private const int SequentialItems = 5000;
    private const int BatchedRounds = 10;

    public async Task<IReadOnlyList<CallOverheadResult>> RunAsync() =>
    [
        await MeasureAsync("empty (.NET lambda)", static (_, i) => i),
        await MeasureAsync("one Python call, increment(i)", CallPython),
    ];

    private long CallPython(PythonContext context, long i)
    {
        using var argument = new PyInt(i);
        using var result = module.Increment.Invoke(argument);
        return result.As<long>();
    }

    private async Task<CallOverheadResult> MeasureAsync(string name, Func<PythonContext, long, long> item)
    {
        var sequential = await Timing.MedianMicrosecondsPerItemAsync(passes, SequentialItems, async () =>
        {
            for (long i = 0; i < SequentialItems; i++)
                await bridge.InvokeAsync(context => item(context, i));
        });

        var callsBefore = bridge.Statistics.Calls;
        var batchesBefore = bridge.Statistics.Batches;
        var batched = await Timing.MedianMicrosecondsPerItemAsync(passes, BatchSize * BatchedRounds, async () =>
        {
            var calls = new Task<long>[BatchSize];
            for (var round = 0; round < BatchedRounds; round++)
            {
                for (var i = 0; i < BatchSize; i++)
                {
                    long n = i;
                    calls[i] = bridge.InvokeAsync(context => item(context, n));
                }
                await Task.WhenAll(calls);
            }
        });
        var callsPerHold = (double)(bridge.Statistics.Calls - callsBefore) / (bridge.Statistics.Batches - batchesBefore);

        var inside = await Timing.MedianMicrosecondsPerItemAsync(passes, BatchSize, () => bridge.InvokeAsync(context =>
        {
            long sum = 0;
            for (long i = 0; i < BatchSize; i++)
                sum += item(context, i);
            return sum;
        }));
        return new CallOverheadResult(name, sequential, batched, inside, callsPerHold);
    }
}

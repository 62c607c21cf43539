using System.Runtime.InteropServices;
using Hms.Interop.Bridge;
using Python.Runtime;

namespace Hms.Interop.Bench;

/// <summary>
/// .NET → NumPy handover of one float64 array, timed inside calls so that queueing is not part of it:
/// - zero-copy: <see cref="PythonContext.ToNumPy{T}"/> on a shared buffer, closing of the view at the call's end included;
/// - copy, bytes: the .NET array copied once into a Python bytes object that NumPy wraps (memcpy plus overhead);
/// - copy, list: the .NET array as a Python list of floats, then np.array (the naive way);
/// - memcpy: Buffer.MemoryCopy of the same bytes in .NET, the floor for any copy.
/// </summary>
internal sealed class HandoverBenchmark(PythonBridge bridge, BenchModule module, int passes)
{
    public static readonly int[] Sizes = [1 << 10, 100 << 10, 1 << 20, 10 << 20];

    public async Task<HandoverResult> RunAsync(int bytes)
    {
        var values = new double[bytes / sizeof(double)];
        Random.Shared.NextBytes(MemoryMarshal.AsBytes(values.AsSpan()));
        using var buffer = bridge.Buffers.Rent(bytes);
        values.CopyTo(buffer.AsSpan<double>());

        // Enough handovers per pass that a pass takes milliseconds, not a clock tick.
        var views = 1000;
        var copies = Math.Clamp((64 << 20) / bytes, 3, 1000);
        var lists = Math.Clamp((4 << 20) / bytes, 1, 200);

        var zeroCopy = await Timing.MedianMicrosecondsPerItemAsync(passes, views, () => bridge.InvokeAsync(context =>
        {
            for (var i = 0; i < views; i++)
                context.ToNumPy<double>(buffer);
        }));
        var copyBytes = await Timing.MedianMicrosecondsPerItemAsync(passes, copies, () => bridge.InvokeAsync(_ => CopyBytes(values, copies)));
        var copyList = await Timing.MedianMicrosecondsPerItemAsync(passes, lists, () => bridge.InvokeAsync(_ => CopyList(values, lists)));
        var memcpy = Timing.MedianMicrosecondsPerItem(passes, copies, () => Memcpy(values, buffer.AsSpan<double>(), copies));
        return new HandoverResult(bytes, zeroCopy, copyBytes, copyList, memcpy);
    }

    private unsafe void CopyBytes(double[] values, int times)
    {
        fixed (double* start = values)
        {
            using var address = new PyInt((long)start);
            using var length = new PyInt(values.Length * sizeof(double));
            for (var i = 0; i < times; i++)
            {
                using var array = module.CopyBytes.Invoke(address, length);
            }
        }
    }

    private void CopyList(double[] values, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var list = new PyList();
            foreach (var value in values)
            {
                using var item = new PyFloat(value);
                list.Append(item);
            }
            using var array = module.FromList.Invoke(list);
        }
    }

    private static void Memcpy(double[] values, Span<double> target, int times)
    {
        for (var i = 0; i < times; i++)
            values.CopyTo(target);
    }
}

using System.Diagnostics;
using Hms.Interop.SharedMemory;

namespace Hms.Interop.Tests.SharedMemory;

public sealed class OtherProcessTests
{
    /// <summary>A separate Python worker maps the segment by path and works in place; .NET sees the result, no copy.</summary>
    [Fact]
    public async Task A_python_worker_process_maps_a_buffer_and_writes_in_place()
    {
        using var pool = new SharedMemoryPool(PoolTestOptions.Unique());
        using var first = pool.Rent(64);
        using var buffer = pool.Rent(4 * sizeof(double));
        buffer.AsSpan<double>().Fill(1.5);
        var package = Path.Combine(AppContext.BaseDirectory, "python");
        var script = $"""
            import sys
            sys.path.insert(0, {Quote(package)})
            from hms_bridge import segments
            def work(array):
                array *= 2
                return float(array.sum())
            print(segments.apply(work, {Quote(buffer.SegmentPath)}, {buffer.Offset}, {buffer.Length}, "float64"))
            """;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-B");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var worker = Process.Start(start)!;
        var output = worker.StandardOutput.ReadToEndAsync();
        var errors = worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(worker.ExitCode == 0, await errors);
        Assert.Equal("12.0", (await output).Trim());
        Assert.Equal([3.0, 3.0, 3.0, 3.0], buffer.AsSpan<double>().ToArray());
        Assert.NotEqual(0, buffer.Offset % 4096);
    }

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}

using System.Globalization;
using Hms.Interop.Bench;
using Hms.Interop.Bridge;
using Hms.Interop.Hosting;

// hms-bench-interop [--passes N]: prints a markdown report on stdout, progress on stderr.
var passes = 7;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--passes" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        passes = n;
    }
    else
    {
        Console.Error.WriteLine("usage: hms-bench-interop [--passes N]");
        return 2;
    }
}

var options = new PythonBridgeOptions();
// Buffers of up to 10 MB, several at once.
options.SharedMemory.SegmentBytes = 64L << 20;
await using var bridge = await PythonBridge.StartAsync(options);
var machine = MachineInfo.Read(bridge);
var module = await BenchModule.LoadAsync(bridge);

// One untimed round of everything first, so that tiered JIT has optimised the paths before any size is timed.
Console.Error.WriteLine("warming up ...");
foreach (var size in HandoverBenchmark.Sizes)
    await new HandoverBenchmark(bridge, module, passes: 1).RunAsync(size);
await new CallOverheadBenchmark(bridge, module, passes: 1).RunAsync();

var handovers = new List<HandoverResult>();
var handover = new HandoverBenchmark(bridge, module, passes);
foreach (var size in HandoverBenchmark.Sizes)
{
    Console.Error.WriteLine($"handover of {size} bytes ...");
    handovers.Add(await handover.RunAsync(size));
}
Console.Error.WriteLine("call overhead ...");
var calls = await new CallOverheadBenchmark(bridge, module, passes).RunAsync();

var command = "dotnet bench/Interop/bin/Release/net10.0/hms-bench-interop.dll" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
Console.Write(MarkdownReport.Write(machine, command, passes, handovers, calls));
return 0;

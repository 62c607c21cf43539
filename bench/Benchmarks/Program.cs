using System.Globalization;
using Hms.Benchmarks;

// hms-bench: pool vs. a process per goal vs. the solver's own time, measured in one run; `hms-bench fairness`:
// a trivial goal behind long ones vs. on an idle pool (see docs/benchmarks.md).

if (args is ["solvers", .. var solversArgs])
{
    using var interrupted = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        interrupted.Cancel();
    };
    return await Hms.Benchmarks.Solvers.SolversBench.RunAsync(solversArgs, interrupted.Token);
}

if (args is ["fairness", .. var fairnessArgs])
{
    using var interrupted = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        interrupted.Cancel();
    };
    return await Hms.Benchmarks.Fairness.FairnessBench.RunAsync(fairnessArgs, interrupted.Token);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"hms-bench: {e.Message}");
    Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, BenchOptions.Usage, Environment.ProcessorCount));
    return 2;
}
if (options.Help)
{
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, BenchOptions.Usage, Environment.ProcessorCount));
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var goals = GoalCatalog.Generate(options.Goals, options.Offset);
var machine = await MachineInfo.ReadAsync(options.Solvers);
await using var pool = new PoolMode(options.Concurrency, options.Timeout);
var modes = options.Modes.Select<string, IBenchMode>(name => name switch
{
    "pool" => pool,
    "spawn" => new SpawnMode(options.Timeout),
    _ => new RawMode(options.Timeout),
}).ToList();

IReadOnlyList<Measurement> measurements;
try
{
    measurements = await new BenchSession(options, goals, modes, Console.Error).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("hms-bench: interrupted");
    return 130;
}

var command = args.Length == 0 ? "./hms bench" : $"./hms bench {string.Join(' ', args)}";
Console.Write(MarkdownReport.Write(machine, options, command, goals, measurements, pool.Pools));

var failures = measurements.SelectMany(m => m.Failures).Distinct().ToList();
foreach (var failure in failures.Take(10))
    Console.Error.WriteLine($"hms-bench: wrong answer: {failure}");
// Timings of wrong answers mean nothing; a non-zero exit keeps them from being pasted as results.
return failures.Count == 0 ? 0 : 1;

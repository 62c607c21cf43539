using System.Globalization;
using Hms.Frontend.V1;
using Hms.Service.Bench;

// hms-bench-service: `hms serve` end to end over gRPC against the same goals on warm solvers driven directly,
// in one run (docs/benchmarks.md, "Service end to end"); `cluster`: 1 and 3 silos on PostgreSQL membership ("Cluster").

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var root = RepositoryRoot.Find();
if (args is ["cluster", .. var clusterArgs]) return await ClusterBench.RunAsync(clusterArgs, root, stop.Token);

ServiceBenchOptions options;
try
{
    options = ServiceBenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"hms-bench-service: {e.Message}");
    Console.Error.WriteLine(ServiceBenchOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(ServiceBenchOptions.Usage);
    return 0;
}

var hmsDll = options.HmsDll ?? Path.Combine(root, "src", "Cli", "bin", "Release", "net10.0", "hms.dll");
if (!File.Exists(hmsDll))
{
    Console.Error.WriteLine($"hms-bench-service: {hmsDll} is missing; `./hms build` makes it");
    return 2;
}

var report = new ServiceReport(options, MachineLoad.Read());
// Every theorem of the run has its own K, so no level is answered by the proof cache of an earlier one.
var runId = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
var nextK = 1;
List<(string Id, int K)> Batch(string storage, int level) =>
    [.. Enumerable.Range(0, options.Theorems).Select(i => ($"bench-{runId}-{storage}-{level}-{i}", nextK++))];

try
{
    await using var raw = options.Raw ? await RawBaseline.StartAsync(options.Strategy, options.Processes, options.TimeoutSeconds, stop.Token) : null;
    foreach (var storage in options.Storage)
    {
        Console.Error.WriteLine($"hms-bench-service: starting `hms serve --storage {storage}` ...");
        await using var serve = await ServeHost.StartAsync(hmsDll, storage, root, stop.Token);
        // Untimed: starts the solver processes, JITs the paths, opens the database connections.
        await ServiceRun.RunAsync(serve.Client, Batch(storage, 0), 8, options.Strategy, options.TimeoutSeconds, stop.Token);
        List<(string Id, int K)> last = [];
        foreach (var level in options.Concurrency)
        {
            var batch = Batch(storage, level);
            var (wall, timings, failures) = await ServiceRun.RunAsync(serve.Client, batch, level, options.Strategy, options.TimeoutSeconds, stop.Token);
            var sample = new ServiceSample(storage, level, wall, timings, failures, serve.RssMiB());
            Console.Error.WriteLine($"hms-bench-service: {storage} c={level}: {sample.PerSecond:0.0} theorems/s, {failures.Count} failures");
            foreach (var f in failures.Take(3)) Console.Error.WriteLine($"  {f}");
            // The server's own view of the level just run (GetPerformanceReport over about its wall time).
            var window = (int)Math.Clamp(Math.Ceiling(wall.TotalSeconds), 1, 60);
            var perf = await serve.Client.GetPerformanceReportAsync(new GetPerformanceReportRequest { WindowSeconds = window }, cancellationToken: stop.Token);
            Console.Error.WriteLine($"hms-bench-service: {storage} c={level} bottleneck (last {window} s): {perf.Explanation}");
            RawSample? rawSample = null;
            if (raw is not null)
            {
                var goals = batch.Select(t => BenchTheorems.Obligations(t.Id, t.K)).ToList();
                var (rawWall, rawMs, rawFailures) = await raw.RunAsync(goals, level, stop.Token);
                rawSample = new RawSample(rawWall, rawMs, rawFailures, goals.Sum(g => g.Count));
                Console.Error.WriteLine($"hms-bench-service: raw c={level}: {batch.Count / rawWall.TotalSeconds:0.0} theorems/s");
            }
            report.Add(sample, rawSample);
            last = batch;
        }
        var (cacheWall, cacheMs, cacheFailures) = await CacheRun.RunAsync(serve.Client, last, options.CacheConcurrency, stop.Token);
        report.AddCache(storage, options.CacheConcurrency, cacheWall, cacheMs, cacheFailures);
        Console.Error.WriteLine($"hms-bench-service: {storage} already proved, c={options.CacheConcurrency}: {last.Count / cacheWall.TotalSeconds:0.0}/s");
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("hms-bench-service: interrupted");
    return 130;
}

var command = args.Length == 0 ? "./hms bench service" : $"./hms bench service {string.Join(' ', args)}";
Console.Write(report.Write(command, MachineLoad.Read()));
// Timings of wrong or missing verdicts mean nothing; a non-zero exit keeps them from being pasted as results.
return report.FailureCount == 0 ? 0 : 1;

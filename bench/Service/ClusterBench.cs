using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Hms.Service.Bench;

/// <summary>
/// `./hms bench cluster`: the same batch through silo 1 of a 1-silo and of a 3-silo `--clustering postgres` cluster on
/// one PostgreSQL (docs/benchmarks.md, "Cluster"): throughput, and how much CPU each silo and its solvers took.
/// </summary>
internal static class ClusterBench
{
    public const string Usage = """
        usage: hms-bench-service cluster [--theorems N] [--concurrency C] [--silos 1,3] [--timeout S] [--hms DLL]
          --theorems N     distinct theorems x*x + K >= K per cluster size (default 200)
          --concurrency C  theorems in flight at once, all submitted through silo 1 (default 64)
          --silos LIST     cluster sizes to measure, one after the other (default 1,3)
          --timeout S      each goal's time limit in seconds (default 10)
        Prints progress on stderr and a markdown report on stdout.
        """;

    private sealed record Options(int Theorems, int Concurrency, IReadOnlyList<int> Silos, int TimeoutSeconds, string? HmsDll);

    private sealed record SiloShare(string Host, double OwnCpu, double SolverCpu);

    public static async Task<int> RunAsync(string[] args, string root, CancellationToken stop)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"hms-bench-service cluster: {e.Message}\n{Usage}");
            return 2;
        }
        var hmsDll = options.HmsDll ?? Path.Combine(root, "src", "Cli", "bin", "Release", "net10.0", "hms.dll");
        var pgLocal = Path.Combine(root, "src", "Silo", "Storage", "pg-local.sh");
        var data = Path.Combine(root, ".hms", "bench-cluster", $"pg-{Environment.ProcessId}");
        var port = FreePort();
        var loadBefore = MachineLoad.Read();
        var report = new StringBuilder();
        var failures = 0;
        var runId = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nextK = 1;
        await RunScriptAsync(pgLocal, "start", data, port.ToString(CultureInfo.InvariantCulture));
        try
        {
            var postgres = $"Host=127.0.0.1;Port={port};Username=postgres;Database=hms";
            var rows = new List<string>();
            var shares = new List<string>();
            foreach (var size in options.Silos)
            {
                Console.Error.WriteLine($"hms-bench-service cluster: starting {size} silo(s) ...");
                // Each size its own service and cluster id: no row, membership or cache of the previous one is seen.
                var id = $"bench-{runId}-{size}";
                var silos = await Task.WhenAll(Enumerable.Range(0, size).Select(i => ServeHost.StartAsync(hmsDll, "postgres", root, stop,
                    new ServeHost.ClusterMember($"127.0.0.{i + 2}", postgres, id, id))));
                try
                {
                    List<(string Id, int K)> Batch(string tag, int count) =>
                        [.. Enumerable.Range(0, count).Select(i => ($"{id}-{tag}-{i}", nextK++))];
                    // Untimed: starts the solver processes, JITs the paths, places the first grains.
                    await ServiceRun.RunAsync(silos[0].Client, Batch("warm", 20), 8, "z3", options.TimeoutSeconds, stop);
                    var before = silos.Select(s => ProcessCpu.Read(s.ProcessId)).ToList();
                    var (wall, timings, failed) = await ServiceRun.RunAsync(silos[0].Client, Batch("run", options.Theorems),
                        options.Concurrency, "z3", options.TimeoutSeconds, stop);
                    var after = silos.Select(s => ProcessCpu.Read(s.ProcessId)).ToList();
                    failures += failed.Count;
                    foreach (var f in failed.Take(3)) Console.Error.WriteLine($"  {f}");
                    var perSecond = timings.Count / wall.TotalSeconds;
                    var verdicts = timings.Select(t => t.VerdictMs).Order().ToList();
                    var solverMs = timings.Select(t => t.SolverMs).Order().ToList();
                    Console.Error.WriteLine($"hms-bench-service cluster: {size} silo(s): {perSecond:0.0} theorems/s, {failed.Count} failures");
                    var share = Enumerable.Range(0, size).Select(i => new SiloShare(
                        $"127.0.0.{i + 2}", after[i].Own - before[i].Own, after[i].Children - before[i].Children)).ToList();
                    var solverTotal = Math.Max(1e-9, share.Sum(s => s.SolverCpu));
                    var ownTotal = Math.Max(1e-9, share.Sum(s => s.OwnCpu));
                    rows.Add($"| {size} | {timings.Count} | {perSecond:0.0} | {Percentile(verdicts, 0.5):0.0} / {Percentile(verdicts, 0.99):0.0} | " +
                             $"{Percentile(solverMs, 0.5):0.0} | {ownTotal:0.0} | {share.Sum(s => s.SolverCpu):0.0} | {failed.Count} |");
                    foreach (var s in share)
                        shares.Add($"| {size} | {s.Host} | {s.OwnCpu:0.0} ({100 * s.OwnCpu / ownTotal:0}%) | {s.SolverCpu:0.0} ({100 * s.SolverCpu / solverTotal:0}%) |");
                }
                finally
                {
                    foreach (var silo in silos) await silo.DisposeAsync();
                }
            }
            var command = string.Join(' ', ["./hms bench cluster", .. args]);
            report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}`.");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, {MachineLoad.Cpu()}, .NET {Environment.Version}");
            report.AppendLine(CultureInfo.InvariantCulture, $"- load average (1 min) at start and end: {loadBefore} / {MachineLoad.Read()}");
            report.AppendLine(CultureInfo.InvariantCulture, $"- {options.Theorems} distinct theorems `x*x + K >= K` per size, {options.Concurrency} in flight, all through silo 1 (127.0.0.2), strategy z3, PostgreSQL storage and membership");
            report.AppendLine();
            report.AppendLine("| silos | theorems | theorems/s | submit→verdict p50 / p99 ms | solver p50 ms | silo CPU s | solver CPU s | failures |");
            report.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var row in rows) report.AppendLine(row);
            report.AppendLine();
            report.AppendLine("Where the CPU went, per silo (the .NET process; its solver processes, from /proc):");
            report.AppendLine();
            report.AppendLine("| silos | silo | silo CPU s (share) | solver CPU s (share) |");
            report.AppendLine("| ---: | --- | ---: | ---: |");
            foreach (var row in shares) report.AppendLine(row);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("hms-bench-service cluster: interrupted");
            return 130;
        }
        finally
        {
            await RunScriptAsync(pgLocal, "stop", data);
            await RunScriptAsync(pgLocal, "destroy", data);
        }
        Console.Write(report.ToString());
        return failures == 0 ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static Options Parse(string[] args)
    {
        var options = new Options(200, 64, [1, 3], 10, null);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--theorems" => options with { Theorems = Positive(name, value, 100_000) },
                "--concurrency" => options with { Concurrency = Positive(name, value, 10_000) },
                "--silos" => options with { Silos = [.. value.Split(',').Select(v => Positive(name, v.Trim(), 8)).Distinct()] },
                "--timeout" => options with { TimeoutSeconds = Positive(name, value, 600) },
                "--hms" => options with { HmsDll = value },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }
        return options;
    }

    private static int Positive(string name, string value, int max) => ServiceBenchOptions.Positive(name, value, max);

    private static async Task RunScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg-local.sh {arguments[0]} failed: {await errors}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

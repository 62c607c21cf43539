using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Hms.Service.Bench;

/// <summary>The markdown report: throughput and latency per storage and level, the raw baseline and the ratios, and the stages.</summary>
internal sealed class ServiceReport(ServiceBenchOptions options, string loadBefore)
{
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private readonly List<(ServiceSample Service, RawSample? Raw)> rows = [];
    private readonly List<(string Storage, int Concurrency, TimeSpan Wall, List<double> CallMs, List<string> Failures)> cache = [];

    public int FailureCount => rows.Sum(r => r.Service.Failures.Count + (r.Raw?.Failures.Count ?? 0)) + cache.Sum(c => c.Failures.Count);

    public void Add(ServiceSample service, RawSample? raw) => rows.Add((service, raw));

    public void AddCache(string storage, int concurrency, TimeSpan wall, List<double> callMs, List<string> failures) =>
        cache.Add((storage, concurrency, wall, callMs, failures));

    public string Write(string command, string loadAfter)
    {
        var s = new StringBuilder();
        s.AppendLine(F($"Measured {startedAt:yyyy-MM-dd HH:mm} UTC with `{command}`."));
        s.AppendLine();
        s.AppendLine(F($"- machine: {Environment.ProcessorCount} cores, {MachineLoad.Cpu()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        s.AppendLine(F($"- load average (1 min) at start and end: {loadBefore} / {loadAfter}"));
        s.AppendLine(F($"- {options.Theorems} distinct theorems `x*x + K >= K` per level, strategy {options.Strategy}, goal time limit {options.TimeoutSeconds} s; raw baseline: {options.Processes} warm process(es) per solver, push/pop per goal"));
        s.AppendLine();
        s.AppendLine("| storage | in flight | theorems/s | SubmitTheorem p50 / p99 ms | submit→verdict p50 / p99 ms | raw theorems/s | raw p50 ms | service / raw | serve RSS MiB |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (service, raw) in rows)
        {
            var submit = service.Theorems.Select(t => t.SubmitMs).ToList();
            var verdict = service.Theorems.Select(t => t.VerdictMs).ToList();
            s.AppendLine(F($"| {service.Storage} | {service.Concurrency} | {service.PerSecond:0.0} | {Latencies.Median(submit):0.0} / {Latencies.Percentile(submit, 99):0.0} | {Latencies.Median(verdict):0.0} / {Latencies.Percentile(verdict, 99):0.0} | {(raw is null ? "—" : raw.PerSecond.ToString("0.0", CultureInfo.InvariantCulture))} | {(raw is null ? "—" : Latencies.Median(raw.TheoremMs).ToString("0.0", CultureInfo.InvariantCulture))} | {(raw is null ? "—" : (service.PerSecond / raw.PerSecond).ToString("0.000", CultureInfo.InvariantCulture) + "x")} | {service.RssMiB:0} |"));
        }
        s.AppendLine();
        s.AppendLine("Where a theorem's time goes, medians in ms (stages from the progress events' timestamps, see `bench/Service/TheoremTiming.cs`):");
        s.AppendLine();
        s.AppendLine("| storage | in flight | admission | decomposition | queue wait | solver | completion | streaming |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (service, _) in rows)
        {
            double M(Func<TheoremTiming, double> stage) => Latencies.Median(service.Theorems.Select(stage).Where(v => !double.IsNaN(v)).ToList());
            s.AppendLine(F($"| {service.Storage} | {service.Concurrency} | {M(t => t.AdmissionMs):0.0} | {M(t => t.DecompositionMs):0.0} | {M(t => t.QueueWaitMs):0.0} | {M(t => t.SolverMs):0.0} | {M(t => t.CompletionMs):0.0} | {M(t => t.StreamingMs):0.0} |"));
        }
        if (cache.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Already proved, asked again with ProveTheorem:");
            s.AppendLine();
            s.AppendLine("| storage | in flight | theorems/s | ProveTheorem p50 / p99 ms |");
            s.AppendLine("| --- | ---: | ---: | ---: |");
            foreach (var (storage, concurrency, wall, callMs, _) in cache)
                s.AppendLine(F($"| {storage} | {concurrency} | {callMs.Count / wall.TotalSeconds:0.0} | {Latencies.Median(callMs):0.0} / {Latencies.Percentile(callMs, 99):0.0} |"));
        }
        s.AppendLine();
        s.AppendLine(F($"Failures (wrong, missing or late verdicts): {FailureCount}."));
        return s.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

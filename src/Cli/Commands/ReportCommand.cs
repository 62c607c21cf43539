using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Wire = Hms.Frontend.V1;

namespace Hms.Cli.Commands;

/// <summary>`hms report --server URL`: a running server's performance report (GetPerformanceReport), as a table or JSON.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "gRPC address of a running `hms serve`", Required = true };
        var window = new Option<int>("--window") { Description = "Seconds to look back (default: the server's Hms:Metrics:WindowSeconds)" };
        var json = new Option<bool>("--json") { Description = "The report as one JSON object (the proto's JSON mapping)" };
        var command = new Command("report", "Show a running server's performance report: latency per stage, throughput, the bottleneck")
        {
            server, window, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                Console.Error.WriteLine($"hms: --server must be an http:// or https:// address, not '{parse.GetValue(server)}'");
                return 2;
            }
            using var channel = GrpcChannel.ForAddress(url);
            var client = new Wire.TheoremProver.TheoremProverClient(channel);
            Wire.PerformanceReport report;
            try
            {
                report = await client.GetPerformanceReportAsync(new Wire.GetPerformanceReportRequest { WindowSeconds = parse.GetValue(window) },
                    deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);
            }
            catch (RpcException e)
            {
                Console.Error.WriteLine($"hms: {url}: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
            Console.WriteLine(parse.GetValue(json) ? JsonFormatter.Default.Format(report) : Table(report));
            return 0;
        });
        return command;
    }

    private static string Table(Wire.PerformanceReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"{r.Scope}",
            string.Format(c, "window {0} s (measured {1:0.#} s): {2} theorems ({3:0.##}/s), {4} obligations ({5:0.##}/s)",
                r.WindowSeconds, r.MeasuredSeconds, r.TheoremsCompleted, r.TheoremsPerSecond, r.ObligationsCompleted, r.ObligationsPerSecond),
            string.Format(c, "solver pool: {0} of {1} slots busy ({2:P0}), {3} queued; proof cache: {4} of {5} lookups hit ({6:P0})",
                r.BusySlots, r.Slots, r.Utilisation, r.QueueLength, r.CacheHits, r.CacheLookups, r.CacheHitRate),
            "",
            string.Format(c, "{0,-14} {1,8} {2,10} {3,10} {4,10} {5,10} {6,12}", "stage", "count", "p50 ms", "p90 ms", "p99 ms", "mean ms", "total ms"),
        };
        lines.AddRange(r.Stages.Select(s => string.Format(c, "{0,-14} {1,8} {2,10:0.###} {3,10:0.###} {4,10:0.###} {5,10:0.###} {6,12:0.#}",
            s.Stage.ToString().ToLowerInvariant(), s.Count, s.P50Ms, s.P90Ms, s.P99Ms, s.MeanMs, s.TotalMs)));
        lines.Add("");
        lines.Add($"bottleneck: {r.Explanation}");
        return string.Join(Environment.NewLine, lines);
    }
}

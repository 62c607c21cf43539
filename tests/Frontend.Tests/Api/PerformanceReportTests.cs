using System.Net;
using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// GetPerformanceReport, the Prometheus endpoint and the dashboard of a real server. The window is shared by the
/// tests of the collection, so each compares the report before and after its own proofs.
/// </summary>
[Collection(ObservedCollection.Name)]
public sealed class PerformanceReportTests(ObservedServer server)
{
    private TheoremProver.TheoremProverClient Client => server.Client;

    [Fact]
    public async Task A_report_after_proofs_counts_every_stage_they_passed_and_blames_one_of_them()
    {
        var before = await ReportAsync();

        await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Statement("perf-stages-prove", "x*x + 11 >= 11") },
            deadline: Calls.Deadline());
        var handle = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = Statement("perf-stages-watch", "y*y + 12 >= 12") },
            deadline: Calls.Deadline());
        var events = await Client.WatchToEndAsync(handle.Id);
        var after = await ReportAsync();

        Assert.True(events.Count >= 2); // each write is counted once it is done, so the next one proves the first
        foreach (var stage in Enum.GetValues<PerformanceStage>().Where(s => s != PerformanceStage.Unspecified))
        {
            Assert.True(Count(after, stage) > Count(before, stage), $"{stage}: {Count(before, stage)} before, {Count(after, stage)} after");
        }
        var ran = after.Stages.Where(s => s.Count > 0).Select(s => s.Stage).ToList();
        Assert.Contains(after.Bottleneck, ran);
        Assert.NotEmpty(after.Explanation);
        var solver = after.Stages.Single(s => s.Stage == PerformanceStage.Solver);
        Assert.True(solver.P50Ms <= solver.P90Ms && solver.P90Ms <= solver.P99Ms);
        Assert.True(after.TheoremsCompleted >= before.TheoremsCompleted + 2);
        Assert.True(after.ObligationsCompleted > before.ObligationsCompleted);
        Assert.True(after.TheoremsPerSecond > 0);
        Assert.True(after.Slots > 0);
        Assert.StartsWith($"silo S127.0.0.1:{server.Settings.SiloPort}", after.Scope);
    }

    [Fact]
    public async Task A_theorem_proved_again_under_another_id_is_answered_from_the_cache_and_the_hit_rate_shows_it()
    {
        const string statement = "z*z + 13 >= 13";
        await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Statement("perf-cache-first", statement) }, deadline: Calls.Deadline());
        var first = await ReportAsync();

        var again = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Statement("perf-cache-again", statement) },
            deadline: Calls.Deadline());
        var second = await ReportAsync();

        Assert.Equal(TheoremStatus.Proved, again.Theorem.Status);
        var lookups = second.CacheLookups - first.CacheLookups;
        Assert.True(lookups >= 1);
        Assert.Equal(lookups, second.CacheHits - first.CacheHits); // every obligation of the second came from the cache
        Assert.True(second.CacheHitRate > first.CacheHitRate);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ObservedServer.WindowSeconds + 1)]
    public async Task A_window_outside_the_configured_one_is_invalid_argument(int seconds)
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetPerformanceReportAsync(new GetPerformanceReportRequest { WindowSeconds = seconds }, deadline: Calls.Deadline()));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains($"window_seconds must be between 0 and {ObservedServer.WindowSeconds}", e.Status.Detail);
    }

    [Fact]
    public async Task The_prometheus_endpoint_serves_the_hms_meters_in_text_format()
    {
        await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Statement("perf-prometheus", "w*w + 14 >= 14") }, deadline: Calls.Deadline());

        using var response = await server.Http.GetAsync($"http://127.0.0.1:{server.Settings.MetricsPort}/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE hms_solver_goal_duration_seconds histogram", text);
        Assert.Matches(@"hms_solver_queue_wait_duration_seconds_count\{[^}]*\} [1-9]", text);
        Assert.Matches(@"hms_admission_duration_seconds_count\{[^}]*method=""ProveTheorem""[^}]*\} [1-9]", text);
        Assert.Contains("hms_theorems_completed_total", text);
        Assert.Contains("hms_cache_lookups_total", text);
        Assert.Contains("hms_solver_slots{", text);
        Assert.Contains("orleans_", text); // Orleans' own meter
    }

    [Fact]
    public async Task The_metrics_and_the_dashboard_answer_only_requests_addressed_to_loopback_on_their_port()
    {
        foreach (var port in new[] { server.Settings.MetricsPort!.Value, server.Settings.DashboardPort!.Value })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics");
            request.Headers.Host = $"rebound.example:{port}";
            using var response = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // The dashboard's paths are not served on the metrics port.
        using var elsewhere = await server.Http.GetAsync($"http://127.0.0.1:{server.Settings.MetricsPort}/dashboard/");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_option_serves_the_orleans_dashboard_page()
    {
        using var page = await server.Http.GetAsync($"http://127.0.0.1:{server.Settings.DashboardPort}/dashboard/");
        using var stats = await server.Http.GetAsync($"http://127.0.0.1:{server.Settings.DashboardPort}/dashboard/ClusterStats");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    private async Task<PerformanceReport> ReportAsync() =>
        await Client.GetPerformanceReportAsync(new GetPerformanceReportRequest(), deadline: Calls.Deadline());

    private static long Count(PerformanceReport report, PerformanceStage stage) => report.Stages.Single(s => s.Stage == stage).Count;

    private static Theorem Statement(string id, string statement) => new() { Id = id, Domain = "performance_tests", Statement = statement };
}

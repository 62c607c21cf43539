using System.Text.Json;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>`hms report --server URL` against `hms serve` with PostgreSQL storage, after `hms prove` through it.</summary>
[Collection(ServeCollection.Name)]
public sealed class CliReportTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output), IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string folder = Directory.CreateTempSubdirectory("hms-report-").FullName;

    [Fact]
    public async Task Report_shows_the_stages_a_proof_passed_and_names_the_bottleneck()
    {
        await Service.EnsureRunningAsync();
        var theorem = Path.Combine(folder, "report.yaml");
        File.WriteAllText(theorem, $"id: report-{Guid.NewGuid():N}\nstatement: \"q*q + 17 >= 17\"\n");
        var prove = await HmsCliRun.RunAsync(["prove", theorem, "--server", Service.Server.Url], Timeout);
        Assert.True(prove.ExitCode == 0, prove.StandardError);

        var json = await HmsCliRun.RunAsync(["report", "--server", Service.Server.Url, "--json"], Timeout);
        var table = await HmsCliRun.RunAsync(["report", "--server", Service.Server.Url], Timeout);

        Assert.True(json.ExitCode == 0, json.StandardError);
        var report = JsonDocument.Parse(string.Join('\n', json.StandardOutput)).RootElement;
        Assert.True(long.Parse(report.GetProperty("theoremsCompleted").GetString()!) >= 1);
        var counts = report.GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("stage").GetString()!, s => long.Parse(s.TryGetProperty("count", out var c) ? c.GetString()! : "0"));
        foreach (var stage in new[] { "ADMISSION", "DECOMPOSITION", "QUEUE_WAIT", "SOLVER", "STORAGE" })
            Assert.True(counts[$"PERFORMANCE_STAGE_{stage}"] > 0, stage);
        Assert.True(counts[report.GetProperty("bottleneck").GetString()!] > 0);
        Assert.True(table.ExitCode == 0, table.StandardError);
        Assert.Contains(table.StandardOutput, line => line.StartsWith("bottleneck: ", StringComparison.Ordinal));
        Assert.Contains(table.StandardOutput, line => line.StartsWith("solver ", StringComparison.Ordinal));
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(folder, recursive: true);
        Dispose();
    }
}

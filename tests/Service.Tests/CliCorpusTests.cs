using System.Text.Json;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>`hms prove CORPUS --json`, in-process and through the running server: every verdict as expected.</summary>
[Collection(ServeCollection.Name)]
public sealed class CliCorpusTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Prove_embedded_gives_every_expected_verdict_and_only_json_on_stdout()
    {
        var run = await HmsCliRun.RunAsync(["prove", Repo.EconomicsCorpus, "--json"], Timeout);

        AssertEveryVerdictAsExpected(run);
    }

    [Fact]
    public async Task Prove_through_the_server_gives_every_expected_verdict_and_only_json_on_stdout()
    {
        await Service.EnsureRunningAsync();

        var run = await HmsCliRun.RunAsync(["prove", Repo.EconomicsCorpus, "--json", "--server", Service.Server.Url], Timeout);

        AssertEveryVerdictAsExpected(run);
    }

    private static void AssertEveryVerdictAsExpected(HmsCliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StandardError}");
        var files = Directory.EnumerateFiles(Repo.EconomicsCorpus, "*.yaml", SearchOption.AllDirectories).Count();
        var ids = new HashSet<string>();
        foreach (var line in run.StandardOutput)
        {
            JsonElement theorem;
            try
            {
                theorem = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                Assert.Fail($"stdout holds a line that is not JSON: {line}");
                return;
            }
            Assert.Equal(JsonValueKind.Object, theorem.ValueKind);
            var id = theorem.GetProperty("id").GetString()!;
            Assert.True(ids.Add(id), $"theorem '{id}' reported twice");
            var expected = theorem.GetProperty("expected").GetString()!.ToUpperInvariant();
            var status = theorem.GetProperty("status").GetString();
            Assert.True(expected == status,
                $"{theorem.GetProperty("file").GetString()} {id}: expected {expected}, got {status}: {theorem.GetProperty("error")}");
        }
        Assert.True(ids.Count >= files, $"{ids.Count} theorems reported for {files} corpus files");
    }
}

using System.Text.Json;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>
/// Issue 7, findings 7, 8 and 10 through `hms prove`, in-process and through the server: a theorem past a field
/// limit (Hms:Limits) is an ERROR with the same message gRPC gives, the rest of the run goes on; --timeout past the
/// range is a usage error; --json says how each counterexample was validated.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class CliLimitsTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output), IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string folder = Directory.CreateTempSubdirectory("hms-limits-").FullName;

    private static readonly (string Id, Action<Dictionary<string, object>> Spoil, string Error)[] Oversized =
    [
        ("cli-long-name", t => t["name"] = new string('n', 1025), "theorem 'cli-long-name': name is 1025 bytes, more than the limit of 1024"),
        ("cli-big-domain", t => t["domain"] = new string('d', 257), "theorem 'cli-big-domain': domain is 257 bytes, more than the limit of 256"),
        ("cli-big-lean", t => t["lean_code"] = new string('l', 256 * 1024 + 1), "theorem 'cli-big-lean': lean_code is 262145 bytes, more than the limit of 262144"),
        ("cli-many-metadata", t => t["metadata"] = Enumerable.Range(0, 65).ToDictionary(i => $"k{i}", _ => "v"),
            "theorem 'cli-many-metadata': metadata has 65 entries, more than the limit of 64"),
        ("cli-big-metadata", t => t["metadata"] = new Dictionary<string, string> { ["source"] = new string('s', 4097) },
            "theorem 'cli-big-metadata': metadata['source'] is 4097 bytes, more than the limit of 4096"),
        ("cli-long-timeout", t => t["timeout_seconds"] = 601,
            "theorem 'cli-long-timeout': timeout_seconds must be between 1 and 600 (0: the default), not 601"),
    ];

    private string WriteTheorems()
    {
        var theorems = new List<Dictionary<string, object>>();
        foreach (var (id, spoil, _) in Oversized)
        {
            var theorem = new Dictionary<string, object> { ["id"] = id, ["statement"] = "x + 1 > x" };
            spoil(theorem);
            theorems.Add(theorem);
        }
        theorems.Add(new() { ["id"] = "cli-fine", ["statement"] = "x + 1 > x" });
        theorems.Add(new() { ["id"] = "cli-infix-counterexample", ["statement"] = "w^2 >= w", ["assumptions"] = new[] { "w > -5" } });
        theorems.Add(new()
        {
            ["id"] = "cli-smtlib-counterexample", ["format"] = "smtlib2",
            ["statement"] = "(set-logic QF_LIA)\n(declare-const x Int)\n(assert (not (> x 0)))\n(check-sat)\n",
        });
        var path = Path.Combine(folder, "limits.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { theorems }));
        return path;
    }

    [Fact]
    public async Task Prove_embedded_rejects_each_oversized_field_with_the_grpc_message_and_reports_validation()
    {
        var run = await HmsCliRun.RunAsync(["prove", WriteTheorems(), "--json", "--timeout", "10"], Timeout);

        AssertErrorsAndVerdicts(run);
    }

    [Fact]
    public async Task Prove_through_the_server_rejects_each_oversized_field_with_the_same_message_and_reports_validation()
    {
        await Service.EnsureRunningAsync();

        var run = await HmsCliRun.RunAsync(["prove", WriteTheorems(), "--json", "--timeout", "10", "--server", Service.Server.Url], Timeout);

        AssertErrorsAndVerdicts(run);
    }

    [Fact]
    public async Task A_timeout_flag_past_the_limit_is_a_usage_error()
    {
        var run = await HmsCliRun.RunAsync(["prove", WriteTheorems(), "--timeout", "601"], Timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("hms: --timeout must be between 1 and 600 seconds, not 601", run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    private static void AssertErrorsAndVerdicts(HmsCliRun run)
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run.StandardError}");
        Assert.DoesNotContain("Unhandled", run.StandardError);
        var byId = run.StandardOutput.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(t => t.GetProperty("id").GetString()!);
        foreach (var (id, _, error) in Oversized)
        {
            Assert.Equal("ERROR", byId[id].GetProperty("status").GetString());
            Assert.Equal(error, byId[id].GetProperty("error").GetString());
        }
        Assert.Equal("PROVED", byId["cli-fine"].GetProperty("status").GetString());
        var infix = byId["cli-infix-counterexample"];
        Assert.Equal("DISPROVED", infix.GetProperty("status").GetString());
        Assert.Equal("exact", infix.GetProperty("validation").GetString());
        Assert.True(infix.GetProperty("validated").GetBoolean());
        var smtlib = byId["cli-smtlib-counterexample"];
        Assert.Equal("DISPROVED", smtlib.GetProperty("status").GetString());
        Assert.Equal("solver", smtlib.GetProperty("validation").GetString());
        Assert.False(smtlib.GetProperty("validated").GetBoolean());
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(folder, recursive: true);
        Dispose();
    }
}

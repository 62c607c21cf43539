using System.Text.Json;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>
/// Issue 7, findings 1 and 2 through `hms prove`, in-process and through the server (gRPC): the smuggled
/// answers that forged PROVED and DISPROVED, and the trace file z3 wrote where a user said, are each an ERROR
/// naming the place, no file appears, and the honest theorem of the same run keeps its verdict.
/// </summary>
[Collection(ServeCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CliHostileScriptTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output), IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    // Two declarations to a reader that ends |A\| at the bar; a declaration, the commands and another declaration to z3.
    private const string Smuggle = "(declare-const |A\\| B |Int) {0} (declare-const | C \\|D| Int)";

    private readonly string folder = CreateOpenFolder();

    /// <summary>Writable by anyone (the solvers run as another user): only the prover can keep a file from appearing.</summary>
    private static string CreateOpenFolder()
    {
        var path = Directory.CreateTempSubdirectory("hms-hostile-").FullName;
        File.SetUnixFileMode(path, (UnixFileMode)0x1FF);
        return path;
    }

    private string TraceFile => Path.Combine(folder, "cron-entry");

    private string WriteScripts()
    {
        var forgedProof = "(declare-const x Int)\n(assert (not (> x 0)))\n" +
                          string.Format(Smuggle, "(echo \"unsat\") (echo \"hms-done-1\")") + "\n(check-sat)\n";
        var forgedRefutation = "(declare-const x Int)\n(assert (> x 0))\n(assert (< x 0))\n" +
                               string.Format(Smuggle, "(echo \"sat\") (echo \"hms-done-1\") (echo \"((x 5))\") (echo \"hms-done-2\")") +
                               "\n(check-sat)\n";
        var trace = $"(set-option :trace_file_name |{TraceFile}|)\n(set-option :trace true)\n" +
                    "(declare-const |x\n* * * * * root touch /tmp/pwned\n| Int)\n(assert (> |x\n* * * * * root touch /tmp/pwned\n| 0))\n(check-sat)\n";
        var theorems = new object[]
        {
            new { id = "forged-proof", format = "smtlib2", statement = forgedProof },
            new { id = "forged-refutation", format = "smtlib2", statement = forgedRefutation },
            new { id = "trace-file", format = "smtlib2", statement = trace },
            new { id = "honest", format = "smtlib2", statement = "(declare-const x Int)\n(assert (> x 0))\n(assert (< x 0))\n(check-sat)\n" },
        };
        var path = Path.Combine(folder, "hostile.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { theorems }));
        return path;
    }

    [Fact]
    public async Task Prove_embedded_refuses_smuggled_answers_and_trace_files()
    {
        var run = await HmsCliRun.RunAsync(["prove", WriteScripts(), "--json", "--strategy", "z3", "--timeout", "10"], Timeout);

        AssertRefused(run);
    }

    [Fact]
    public async Task Prove_through_the_server_refuses_smuggled_answers_and_trace_files()
    {
        await Service.EnsureRunningAsync();

        var run = await HmsCliRun.RunAsync(
            ["prove", WriteScripts(), "--json", "--strategy", "z3", "--timeout", "10", "--server", Service.Server.Url], Timeout);

        AssertRefused(run);
    }

    private void AssertRefused(HmsCliRun run)
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run.StandardError}");
        var byId = run.StandardOutput.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(t => t.GetProperty("id").GetString()!);
        foreach (var id in new[] { "forged-proof", "forged-refutation" })
        {
            Assert.Equal("ERROR", byId[id].GetProperty("status").GetString());
            Assert.Contains("backslash", byId[id].GetProperty("error").GetString());
            Assert.Empty(byId[id].GetProperty("counterexample").EnumerateObject());
        }
        Assert.Equal("ERROR", byId["trace-file"].GetProperty("status").GetString());
        Assert.Contains("(set-option :trace_file_name ...) is not allowed", byId["trace-file"].GetProperty("error").GetString());
        Assert.False(File.Exists(TraceFile), $"a solver wrote {TraceFile}");
        Assert.Equal("PROVED", byId["honest"].GetProperty("status").GetString());
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(folder, recursive: true);
        Dispose();
    }
}

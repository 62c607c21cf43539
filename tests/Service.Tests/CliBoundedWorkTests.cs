using System.Text.Json;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>
/// Issue 7, findings 5, 6 and 11 through `hms prove`, in-process and through the server: formulas whose folding or
/// expansion would take minutes and gigabytes are an ERROR naming the position and the limit, at once, and
/// the run goes on to the next theorem. Each input is small enough that code without the limits also ends
/// quickly (with a verdict or a huge message instead).
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class CliBoundedWorkTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output), IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string folder = Directory.CreateTempSubdirectory("hms-bounds-").FullName;

    private static readonly (string Id, string Statement, string Error)[] Oversized =
    [
        ("tower", "x^(((10^64)^64)^64) >= 0", "statement 1:3: constant too large"),
        ("nested", "((x^64)^64)^64 >= 0", "statement 1:1: expression too large"),
        ("fraction", "x^(9999999999/2) >= 0", "statement 1:3: exponent too large: 9999999999/2; an exponent may be at most 64 in magnitude"),
    ];

    private string WriteTheorems()
    {
        var path = Path.Combine(folder, "oversized.yaml");
        var theorems = Oversized.Select(t => $"  - id: {t.Id}\n    statement: \"{t.Statement}\"\n")
            .Append("  - id: fine\n    statement: \"x^2 >= 0\"\n");
        File.WriteAllText(path, "theorems:\n" + string.Concat(theorems));
        return path;
    }

    [Fact]
    public async Task Prove_embedded_reports_each_oversized_formula_as_an_error_and_proves_the_rest()
    {
        var run = await HmsCliRun.RunAsync(["prove", WriteTheorems(), "--json", "--timeout", "5"], Timeout);

        AssertErrorsAndVerdict(run);
    }

    [Fact]
    public async Task Prove_through_the_server_reports_each_oversized_formula_as_an_error_and_proves_the_rest()
    {
        await Service.EnsureRunningAsync();

        var run = await HmsCliRun.RunAsync(["prove", WriteTheorems(), "--json", "--timeout", "5", "--server", Service.Server.Url], Timeout);

        AssertErrorsAndVerdict(run);
    }

    private static void AssertErrorsAndVerdict(HmsCliRun run)
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run.StandardError}");
        Assert.DoesNotContain("Unhandled", run.StandardError);
        var byId = run.StandardOutput.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(t => t.GetProperty("id").GetString()!);
        foreach (var (id, _, error) in Oversized)
        {
            var theorem = byId[id];
            Assert.Equal("ERROR", theorem.GetProperty("status").GetString());
            var message = theorem.GetProperty("error").GetString()!;
            Assert.Contains(error, message);
            Assert.True(message.Length < 400, message);
        }
        Assert.Equal("PROVED", byId["fine"].GetProperty("status").GetString());
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(folder, recursive: true);
        Dispose();
    }
}

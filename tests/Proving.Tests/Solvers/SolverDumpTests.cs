using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>The prover log (Hms:Solvers:DumpDirectory, hms prove --dump-smt): exactly what the solver read.</summary>
[Collection(RealSolversCollection.Name)]
public sealed class SolverDumpTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hms-dump-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static string WithoutAnswers(string dump) =>
        string.Concat(dump.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(";; ", StringComparison.Ordinal)).Select(l => l + "\n"));

    [Fact]
    public async Task The_dump_holds_exactly_the_text_the_process_read_and_its_answers()
    {
        var started = new List<ScriptedSolverProcess>();
        await using var pool = new SolverPool(new SolverPoolOptions { DumpDirectory = _folder, KillGrace = TimeSpan.FromMilliseconds(200) },
            kind =>
            {
                var process = new ScriptedSolverProcess(kind, FakePool.Answering("sat"));
                lock (started) started.Add(process);
                return process;
            });

        var result = await pool.SolveAsync(SolverKind.Z3, new SolverRequest("(declare-const x Int)(assert (> x 0))", TimeSpan.FromSeconds(5), ["x"], Label: "market/tax.claim-1"));

        Assert.Equal(SolverStatus.Sat, result.Status);
        var dump = await File.ReadAllTextAsync(Path.Combine(_folder, "market_tax.claim-1.z3.smt2"));
        var process = Assert.Single(started);
        // Every byte sent, in order, and nothing else but the answers as comments.
        Assert.Equal(string.Concat(process.Sent), WithoutAnswers(dump));
        Assert.Contains(";; sat\n", dump);
        Assert.Contains(";; ((x 1))\n", dump);
    }

    [Fact]
    public async Task A_dump_of_a_real_z3_goal_replays_in_z3_with_the_same_answer()
    {
        await using var pool = new SolverPool(new SolverPoolOptions { DumpDirectory = _folder });

        var first = await pool.SolveAsync(SolverKind.Z3, Goals.SatWithModel with { Label = "replay" });
        var again = await pool.SolveAsync(SolverKind.Z3, Goals.SatWithModel with { Label = "replay" });

        Assert.Equal(SolverStatus.Sat, first.Status);
        Assert.Equal(SolverStatus.Sat, again.Status);
        // A goal run twice gets a second file rather than overwriting the first.
        Assert.True(File.Exists(Path.Combine(_folder, "replay.z3-2.smt2")));
        var path = Path.Combine(_folder, "replay.z3.smt2");
        var dump = await File.ReadAllTextAsync(path);
        Assert.Contains("(declare-const i Int)", dump);
        var z3 = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("z3", [path]) { RedirectStandardOutput = true })!;
        var output = await z3.StandardOutput.ReadToEndAsync();
        await z3.WaitForExitAsync();
        Assert.Equal("sat", output.Split('\n').Select(l => l.Trim()).First(l => l is "sat" or "unsat" or "unknown"));
    }
}

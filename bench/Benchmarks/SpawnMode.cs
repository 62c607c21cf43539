using System.Diagnostics;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>
/// The baseline a naive implementation would have: every goal starts its own solver, sends the script and
/// check-sat, reads the verdict, asks for the model or core, closes stdin and waits for the process to exit.
/// The solver is started directly, without the pool's prlimit wrapper, which if anything flatters this mode.
/// </summary>
internal sealed class SpawnMode(TimeSpan timeout) : IBenchMode
{
    public string Name => "spawn";

    public Task<RunSample> RunAsync(SolverKind kind, IReadOnlyList<BenchGoal> goals, int concurrency, CancellationToken cancellationToken) =>
        TimedBatch.RunAsync(goals, concurrency, (goal, ct) => SolveAsync(kind, goal, ct), cancellationToken);

    private async Task<string?> SolveAsync(SolverKind kind, BenchGoal goal, CancellationToken cancellationToken)
    {
        var startInfo = SolverScripts.StartInfo(kind);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start");
        // A hung solver must fail the pass, not hang the benchmark.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout + TimeSpan.FromSeconds(5));
        try
        {
            // Drained throughout: a solver blocked writing warnings to a full stderr pipe would stall.
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.StandardInput.WriteAsync(SolverScripts.Question(kind, goal, timeout).AsMemory(), limit.Token).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(limit.Token).ConfigureAwait(false);
            var verdict = await ReadVerdictAsync(process.StandardOutput, limit.Token).ConfigureAwait(false);

            await process.StandardInput.WriteAsync((SolverScripts.FollowUp(goal) + "(exit)\n").AsMemory(), limit.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            var followUp = await process.StandardOutput.ReadToEndAsync(limit.Token).ConfigureAwait(false);
            await stderr.ConfigureAwait(false);
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return AnswerCheck.Check(goal, verdict, followUp);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"goal {goal.Index} ({goal.Family}): {SolverScripts.Name(kind)} gave no answer within {timeout.TotalSeconds + 5:0} s";
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>The first non-empty line: check-sat's answer, or an error the solver printed instead.</summary>
    private static async Task<string> ReadVerdictAsync(StreamReader output, CancellationToken cancellationToken)
    {
        while (await output.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Trim().Length > 0) return line;
        }
        return "(end of output)";
    }
}

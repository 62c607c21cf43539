using System.Diagnostics;
using System.Text;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>
/// The floor no process management can beat: the solver's own time. Each of <c>concurrency</c> processes is
/// started and known to be ready before the clock starts, then gets its share of the goals as one script,
/// written all at once, with (reset) between goals and an (echo) after each. A goal's time is the gap between
/// its echo and the previous one, so it holds parsing, solving and answering but no start-up and no round trip.
/// </summary>
internal sealed class RawMode(TimeSpan timeout) : IBenchMode
{
    public string Name => "raw";

    public async Task<RunSample> RunAsync(SolverKind kind, IReadOnlyList<BenchGoal> goals, int concurrency, CancellationToken cancellationToken)
    {
        // Contiguous shares, not interleaved ones: with the default batch and 2 cores every process then starts on
        // a goal of the first goal's family, as the pool's first process does. z3 4.8.12's cost per goal depends on
        // which goal a process ran first (see docs/benchmarks.md); interleaving would start one on another family.
        var processCount = Math.Min(concurrency, goals.Count);
        var shares = Enumerable.Range(0, processCount)
            .Select(p => goals.Take(new Range(p * goals.Count / processCount, (p + 1) * goals.Count / processCount)).ToList())
            .ToList();
        var processes = new List<Process>();
        try
        {
            foreach (var _ in shares)
                processes.Add(Start(kind));
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter((timeout + TimeSpan.FromSeconds(5)) * Math.Max(1, goals.Count));
            await Task.WhenAll(processes.Select(p => WaitReadyAsync(p, limit.Token))).ConfigureAwait(false);

            var goalMs = new Dictionary<int, double>();
            var failures = new List<string>();
            var wall = Stopwatch.StartNew();
            var answered = await Task.WhenAll(shares.Select((share, p) => RunShareAsync(kind, processes[p], share, wall, limit.Token)))
                .ConfigureAwait(false);
            wall.Stop();
            foreach (var (times, shareFailures) in answered)
            {
                foreach (var (index, ms) in times) goalMs[index] = ms;
                failures.AddRange(shareFailures);
            }
            return new RunSample(wall.Elapsed, goals.Select(g => goalMs.GetValueOrDefault(g.Index)).ToList(), failures);
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited) process.Kill();
                process.Dispose();
            }
        }
    }

    private static Process Start(SolverKind kind)
    {
        var startInfo = SolverScripts.StartInfo(kind);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start");
        // Drained in the background: nothing is expected there, but a full pipe would stall the solver.
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteAsync(SolverScripts.Echo("ready").AsMemory(), cancellationToken).ConfigureAwait(false);
        await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (SolverScripts.IsEcho(line, "ready")) return;
        }
        throw new InvalidOperationException("the solver exited before it was ready");
    }

    private async Task<(List<(int Index, double Ms)> Times, List<string> Failures)> RunShareAsync(SolverKind kind, Process process,
        IReadOnlyList<BenchGoal> share, Stopwatch wall, CancellationToken cancellationToken)
    {
        var script = new StringBuilder();
        foreach (var goal in share)
        {
            script.Append("(reset)\n")
                .Append(SolverScripts.Question(kind, goal, timeout))
                .Append(SolverScripts.FollowUp(goal))
                .Append(SolverScripts.Echo(Marker(goal)));
        }
        script.Append("(exit)\n");

        // Written concurrently with reading: the answers to early goals must be read while later ones are sent.
        var writer = WriteAllAsync(process, script.ToString(), cancellationToken);
        var times = new List<(int, double)>();
        var failures = new List<string>();
        var previous = wall.Elapsed.TotalMilliseconds;
        foreach (var goal in share)
        {
            var lines = new List<string>();
            var marker = Marker(goal);
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    failures.Add($"goal {goal.Index} ({goal.Family}): {SolverScripts.Name(kind)} exited mid-script after '{string.Join(' ', lines)}'");
                    await writer.ConfigureAwait(false);
                    return (times, failures);
                }
                if (SolverScripts.IsEcho(line, marker)) break;
                if (line.Trim().Length > 0) lines.Add(line);
            }
            var now = wall.Elapsed.TotalMilliseconds;
            times.Add((goal.Index, now - previous));
            previous = now;
            var verdict = lines.Count > 0 ? lines[0] : "(nothing)";
            if (AnswerCheck.Check(goal, verdict, string.Join('\n', lines.Skip(1))) is { } failure)
                failures.Add(failure);
        }
        await writer.ConfigureAwait(false);
        return (times, failures);
    }

    private static async Task WriteAllAsync(Process process, string text, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The solver exited early; the reader reports which goal it stopped at.
        }
    }

    private static string Marker(BenchGoal goal) => $"hms-goal-{goal.Index}";
}

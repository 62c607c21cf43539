using Hms.Cli.Commands;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Spectre.Console;

namespace Hms.Cli.Output;

/// <summary>
/// Loads the files, proves their theorems a few at a time and reports each result in input order: JSON lines,
/// plain lines when stdout is not a terminal, or a live progress display on a terminal.
/// </summary>
internal sealed class Reporter(bool json)
{
    public delegate Task<TheoremResult> Prove(TheoremDocument document, ProgressObserver observer, CancellationToken ct);

    /// <summary>Theorems proved at once; each already spreads its obligations over the solver pool.</summary>
    private static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount);

    public async Task<IReadOnlyList<ProveRun>> RunAsync(IEnumerable<string> files, Prove prove, CancellationToken ct)
    {
        var jobs = files.SelectMany(Load).ToList();
        var live = !json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!live) return await RunAllAsync(jobs, prove, _ => ProgressObserver.None, Print, ct);

        IReadOnlyList<ProveRun> runs = [];
        await AnsiConsole.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var overall = context.AddTask("[bold]all theorems[/]", maxValue: jobs.Count);
                var tasks = new Dictionary<string, ProgressTask>();
                ProgressTask TaskOf(Job job)
                {
                    if (!tasks.TryGetValue(job.Key, out var task))
                        tasks[job.Key] = task = context.AddTask(Markup.Escape(job.Id), maxValue: 1);
                    return task;
                }
                ProgressObserver OnEvent(Job job) => new ProgressObserver(
                    count => { lock (tasks) TaskOf(job).MaxValue = Math.Max(1, count); },
                    () => { lock (tasks) TaskOf(job).Increment(1); });
                runs = await RunAllAsync(jobs, prove, OnEvent, run =>
                {
                    lock (tasks)
                    {
                        overall.Increment(1);
                        foreach (var t in tasks.Where(t => t.Key.EndsWith("#" + run.Id, StringComparison.Ordinal))) t.Value.StopTask();
                    }
                }, ct);
            });
        foreach (var run in runs) HumanReport.Write(AnsiConsole.Console, run);
        return runs;
    }

    private void Print(ProveRun run)
    {
        if (json) Console.Out.WriteLine(JsonReport.Line(run));
        else HumanReport.Write(AnsiConsole.Console, run);
    }

    private sealed record Job(string File, string Id, TheoremDocument? Document, string? Error)
    {
        public string Key => $"{File}#{Id}";
    }

    private static IEnumerable<Job> Load(string path)
    {
        var file = TheoremFileLoader.Load(path);
        foreach (var error in file.Errors.GroupBy(e => e.TheoremId ?? Path.GetFileNameWithoutExtension(path)))
            yield return new Job(path, error.Key, null, string.Join(Environment.NewLine, error.Select(e => e.ToString())));
        foreach (var theorem in file.Theorems)
            yield return new Job(path, theorem.Id, theorem, null);
    }

    /// <summary>Runs the jobs a few at a time and hands each finished run on in input order.</summary>
    private static async Task<IReadOnlyList<ProveRun>> RunAllAsync(List<Job> jobs, Prove prove,
        Func<Job, ProgressObserver> observe, Action<ProveRun> onDone, CancellationToken ct)
    {
        var results = new ProveRun?[jobs.Count];
        var next = 0;
        var gate = new SemaphoreSlim(Parallelism);
        var flushLock = new object();

        async Task RunOne(int i)
        {
            var job = jobs[i];
            await gate.WaitAsync(ct);
            try
            {
                var result = job.Document is null
                    ? new TheoremResult(job.Id, TheoremStatus.Error, null, [], null, [], [], job.Error, TimeSpan.Zero)
                    : await prove(job.Document, observe(job), ct);
                results[i] = new ProveRun(job.File, job.Id, job.Document, result);
            }
            finally
            {
                gate.Release();
            }
            lock (flushLock)
            {
                while (next < results.Length && results[next] is { } done)
                {
                    onDone(done);
                    next++;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, jobs.Count).Select(RunOne));
        return results.Select(r => r!).ToList();
    }
}

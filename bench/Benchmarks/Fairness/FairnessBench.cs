using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks.Fairness;

/// <summary>
/// Issue 7, finding 8, as a figure: how long a trivial goal takes to its verdict when N hard goals of another
/// client were submitted just before it, against the same goal on the idle pool, measured in one run. The hard
/// goals are x^3 + y^3 = z^3 over positive integers, which neither solver decides; the trivial one is a
/// two-line linear contradiction that both solvers answer in milliseconds. Like the prover, the trivial goal
/// races z3 against cvc5 and the first unsat wins.
/// </summary>
internal static class FairnessBench
{
    private const string Hard = """
        (declare-const x Int)(declare-const y Int)(declare-const z Int)
        (assert (> x 0))(assert (> y 0))(assert (> z 0))
        (assert (= (+ (* x x x) (* y y y)) (* z z z)))
        """;

    private const string Trivial = "(declare-const p Real)(declare-const q Real)(assert (> p q))(assert (< (* 2 p) (* 2 q)))";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        FairnessOptions options;
        try
        {
            options = FairnessOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"hms-bench fairness: {e.Message}");
            Console.Error.WriteLine(FairnessOptions.Usage);
            return 2;
        }
        if (options.Help)
        {
            Console.WriteLine(FairnessOptions.Usage);
            return 0;
        }

        var machine = await MachineInfo.ReadAsync([SolverKind.Z3, SolverKind.Cvc5]).ConfigureAwait(false);
        var settings = options.Unfair ? new[] { FairnessSetting.Fair(), FairnessSetting.Unfair() } : [FairnessSetting.Fair()];
        var rows = new List<(FairnessSetting Setting, List<double> Idle, List<double> Loaded)>();
        var wrong = 0;
        foreach (var setting in settings)
        {
            await using var pool = new SolverPool(setting.Options);
            var idle = new List<double>();
            var loaded = new List<double>();
            // Untimed first goal: starts both solvers and the JIT.
            await TrivialAsync(pool, setting.TrivialOwner, cancellationToken).ConfigureAwait(false);
            for (var r = 0; r < options.Repetitions; r++)
            {
                var (ms, ok) = await TrivialAsync(pool, setting.TrivialOwner, cancellationToken).ConfigureAwait(false);
                idle.Add(ms);
                wrong += ok ? 0 : 1;
            }
            for (var r = 0; r < options.Repetitions; r++)
            {
                Console.Error.WriteLine($"hms-bench fairness: {setting.Name}: {options.LongGoals} long goals, then the trivial one ({r + 1}/{options.Repetitions})");
                using var stopLong = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var longGoals = Enumerable.Range(0, options.LongGoals)
                    .Select(i => pool.SolveAsync(i % 2 == 0 ? SolverKind.Z3 : SolverKind.Cvc5,
                        new SolverRequest(Hard, options.LongTimeout, [], Owner: setting.LongOwner), stopLong.Token))
                    .ToList();
                await SaturatedAsync(pool, options.LongGoals, cancellationToken).ConfigureAwait(false);
                var (ms, ok) = await TrivialAsync(pool, setting.TrivialOwner, cancellationToken).ConfigureAwait(false);
                loaded.Add(ms);
                wrong += ok ? 0 : 1;
                await stopLong.CancelAsync().ConfigureAwait(false);
                foreach (var goal in longGoals)
                {
                    try
                    {
                        await goal.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Stopped on purpose: the measurement is over.
                    }
                }
            }
            rows.Add((setting, idle, loaded));
        }
        Console.Write(Report(machine, options, args, rows, wrong));
        return wrong == 0 ? 0 : 1;
    }

    /// <summary>Races the trivial goal on both solvers; its time to the first unsat, and whether that was the answer.</summary>
    private static async Task<(double Ms, bool Ok)> TrivialAsync(SolverPool pool, string owner, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new SolverRequest(Trivial, TimeSpan.FromSeconds(10), [], Owner: owner);
        var clock = Stopwatch.StartNew();
        var running = new[] { SolverKind.Z3, SolverKind.Cvc5 }.Select(k => pool.SolveAsync(k, request, race.Token)).ToList();
        var ok = false;
        var ms = double.NaN;
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            if (done.IsCanceled) continue;
            var result = await done.ConfigureAwait(false);
            if (result.Status is SolverStatus.Unsat or SolverStatus.Sat && double.IsNaN(ms))
            {
                ms = clock.Elapsed.TotalMilliseconds;
                ok = result.Status == SolverStatus.Unsat;
                await race.CancelAsync().ConfigureAwait(false);
            }
        }
        return (ms, ok);
    }

    /// <summary>Waits until all long goals are running or queued, so the trivial goal really comes after them.</summary>
    private static async Task SaturatedAsync(SolverPool pool, int longGoals, CancellationToken cancellationToken)
    {
        // The pool has no public event for this; its gauges change within microseconds of each submission.
        while (pool.Statistics.Running + pool.Statistics.Queued < longGoals || pool.Statistics.Running == 0)
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        // Give the running long goals time to reach their solver, as a real hard proof would have.
        await Task.Delay(200, cancellationToken).ConfigureAwait(false);
    }

    private static string Report(MachineInfo machine, FairnessOptions options, IReadOnlyList<string> args,
        List<(FairnessSetting Setting, List<double> Idle, List<double> Loaded)> rows, int wrong)
    {
        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        var command = args.Count == 0 ? "./hms bench fairness" : $"./hms bench fairness {string.Join(' ', args)}";
        sb.AppendLine(CultureInfo.InvariantCulture, $"Measured {machine.Date:yyyy-MM-dd HH:mm} UTC with `{command}`.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- machine: {machine.Cores} cores, {machine.Cpu}, {machine.Memory}, {machine.OperatingSystem}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- load average (1 min) at start and end: {machine.LoadBefore} / {MachineInfo.ReadLoad()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- software: {string.Join(", ", machine.Solvers)}, {machine.Runtime}");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"- {options.LongGoals} long goals (time limit {options.LongTimeout.TotalSeconds:0} s, undecidable for both solvers) submitted by one owner, then one trivial goal raced on z3 and cvc5; {options.Repetitions} repetitions each");
        sb.AppendLine();
        sb.AppendLine("| scheduler | trivial goal, idle pool, median ms | behind the long goals, median ms | worst ms | ratio (median loaded / median idle) |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (setting, idle, loaded) in rows)
        {
            var idleMedian = Percentiles.Median(idle);
            var loadedMedian = Percentiles.Median(loaded);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {setting.Name} | {F(idleMedian)} | {F(loadedMedian)} | {F(loaded.Max())} | {loadedMedian / idleMedian:0.0}x |");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Wrong answers: {wrong}.");
        return sb.ToString();
    }
}

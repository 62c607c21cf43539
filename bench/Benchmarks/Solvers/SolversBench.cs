using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks.Solvers;

/// <summary>
/// Issue 9's figure: hms with its default portfolio against the virtual best of its own two solvers, per
/// theorem, in one run on one pool. "z3 alone" sends every obligation's script (exactly what hms sends) to
/// warm z3 processes through the pool, all obligations at once as hms does, and stops at the first sat claim;
/// it checks no model and so is an optimistic floor. The virtual best is the faster of z3 alone and cvc5 alone
/// among those that decided (the faster overall when neither did).
/// </summary>
internal static class SolversBench
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        SolversOptions options;
        try
        {
            options = SolversOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"hms-bench solvers: {e.Message}");
            Console.Error.WriteLine(SolversOptions.Usage);
            return 2;
        }
        if (options.Help)
        {
            Console.WriteLine(SolversOptions.Usage);
            return 0;
        }
        var corpora = options.Corpora.Count > 0 ? options.Corpora : DefaultCorpora();
        var theorems = Load(corpora, options.Only);
        var machine = await MachineInfo.ReadAsync([SolverKind.Z3, SolverKind.Cvc5]).ConfigureAwait(false);
        // As `hms prove` runs: every slot open to long goals.
        await using var pool = new SolverPool(new SolverPoolOptions { ShortGoalSlots = 0 });
        var prover = new TheoremProver(new ObligationProver(pool));
        var proofOptions = new ProofOptions { Timeout = options.Timeout };
        var rows = new List<(string File, string Expected, SolverRun Hms, SolverRun Z3, SolverRun Cvc5)>();
        // Untimed: starts both solvers and the JIT.
        if (theorems.Count > 0) await prover.ProveAsync(theorems[0].Document, proofOptions, null, cancellationToken).ConfigureAwait(false);
        for (var t = 0; t < theorems.Count; t++)
        {
            var (file, document) = theorems[t];
            SolverRun? hms = null, z3 = null, cvc5 = null;
            // The order rotates so that no mode always runs on the processes the one before it warmed.
            for (var k = 0; k < 3; k++)
            {
                switch ((t + k) % 3)
                {
                    case 0: hms = await HmsAsync(prover, document, proofOptions, cancellationToken).ConfigureAwait(false); break;
                    case 1: z3 = await AloneAsync(pool, SolverKind.Z3, document, options.Timeout, cancellationToken).ConfigureAwait(false); break;
                    default: cvc5 = await AloneAsync(pool, SolverKind.Cvc5, document, options.Timeout, cancellationToken).ConfigureAwait(false); break;
                }
            }
            rows.Add((file, document.Expected?.ToString().ToLowerInvariant() ?? "-", hms!, z3!, cvc5!));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hms-bench solvers: [{t + 1}/{theorems.Count}] {file}: hms {hms!.Verdict} {hms.Milliseconds:F0} ms, z3 {z3!.Verdict} {z3.Milliseconds:F0} ms, cvc5 {cvc5!.Verdict} {cvc5.Milliseconds:F0} ms"));
        }
        var command = "./hms bench solvers" + (args.Count > 0 ? " " + string.Join(' ', args) : "");
        Console.Write(Report(machine, command, options, corpora, rows, pool.Statistics));
        var wrong = rows.Where(r => r.Hms.Decided && r.Expected is "proved" or "disproved" && r.Hms.Verdict != r.Expected).ToList();
        foreach (var r in wrong) Console.Error.WriteLine($"hms-bench solvers: wrong verdict: {r.File}: {r.Hms.Verdict}, expected {r.Expected}");
        return wrong.Count == 0 ? 0 : 1;
    }

    private static IReadOnlyList<string> DefaultCorpora()
    {
        // Relative to the repository root, where ./hms runs the tool.
        var found = new[] { "../shared/corpus", "bench/models" }.Where(Directory.Exists).ToList();
        return found;
    }

    private static List<(string File, TheoremDocument Document)> Load(IReadOnlyList<string> corpora, string? only)
    {
        var theorems = new List<(string, TheoremDocument)>();
        foreach (var corpus in corpora)
        {
            var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".smt2", StringComparison.Ordinal))
                .Where(f => only is null || f.Contains(only, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var loaded = TheoremFileLoader.Load(file);
                foreach (var error in loaded.Errors) Console.Error.WriteLine($"hms-bench solvers: {error}");
                foreach (var document in loaded.Theorems) theorems.Add((file, document));
            }
        }
        return theorems;
    }

    private static async Task<SolverRun> HmsAsync(TheoremProver prover, TheoremDocument document, ProofOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await prover.ProveAsync(document, options, null, cancellationToken).ConfigureAwait(false);
        return new SolverRun(clock.Elapsed.TotalMilliseconds, result.Status.ToString().ToLowerInvariant());
    }

    /// <summary>Every obligation's script on one solver; the first sat claim decides, else all unsat prove.</summary>
    private static async Task<SolverRun> AloneAsync(SolverPool pool, SolverKind kind, TheoremDocument document, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        CompiledTheorem theorem;
        try
        {
            theorem = TheoremCompiler.Compile(document, cancellationToken);
        }
        catch (TheoremInputException)
        {
            return new SolverRun(clock.Elapsed.TotalMilliseconds, "error");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var verdicts = await Task.WhenAll(theorem.Obligations.Select(async o =>
        {
            var request = new SolverRequest(o.Script, timeout, [.. o.Symbols.Keys], WantUnsatCore: o.NamedAssumptions.Count > 0,
                Isolated: o.Isolated, Owner: document.Id);
            try
            {
                var answer = await pool.SolveAsync(kind, request, stop.Token).ConfigureAwait(false);
                if (answer.Status == SolverStatus.Sat && o.Kind != ObligationKind.Consistency) await stop.CancelAsync().ConfigureAwait(false);
                return (o.Kind, Status: answer.Status);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (o.Kind, Status: SolverStatus.Unknown);
            }
        })).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var claims = verdicts.Where(v => v.Kind != ObligationKind.Consistency).ToList();
        var vacuous = verdicts.Any(v => v.Kind == ObligationKind.Consistency && v.Status == SolverStatus.Unsat);
        var verdict = claims.Any(v => v.Status == SolverStatus.Sat) ? "disproved"
            : vacuous || claims.All(v => v.Status == SolverStatus.Unsat) ? "proved"
            : claims.Any(v => v.Status == SolverStatus.Error) ? "error" : "unknown";
        return new SolverRun(elapsed, verdict);
    }

    private static SolverRun Best(SolverRun z3, SolverRun cvc5) =>
        (z3.Decided, cvc5.Decided) switch
        {
            (true, false) => z3,
            (false, true) => cvc5,
            _ => z3.Milliseconds <= cvc5.Milliseconds ? z3 : cvc5,
        };

    private static string Report(MachineInfo machine, string command, SolversOptions options, IReadOnlyList<string> corpora,
        List<(string File, string Expected, SolverRun Hms, SolverRun Z3, SolverRun Cvc5)> rows, SolverPoolStatistics statistics)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Measured {machine.Date:yyyy-MM-dd HH:mm} UTC with `{command}`.");
        sb.AppendLine();
        sb.AppendLine(inv, $"- machine: {machine.Cores} cores, {machine.Cpu}, {machine.Memory}, {machine.OperatingSystem}");
        sb.AppendLine(inv, $"- load average (1 min) at start and end: {machine.LoadBefore} / {MachineInfo.ReadLoad()}");
        sb.AppendLine(inv, $"- software: {string.Join(", ", machine.Solvers)}, {machine.Runtime}");
        sb.AppendLine(inv, $"- theorems: {rows.Count} from {string.Join(", ", corpora)}; time limit {options.Timeout.TotalSeconds:0.##} s per goal for every mode");
        sb.AppendLine();
        var best = rows.Select(r => Best(r.Z3, r.Cvc5)).ToList();
        var hmsTotal = rows.Sum(r => r.Hms.Milliseconds);
        var bestTotal = best.Sum(b => b.Milliseconds);
        var ratios = rows.Select((r, i) => (r.File, Ratio: r.Hms.Milliseconds / Math.Max(best[i].Milliseconds, 1), r.Hms, Best: best[i])).ToList();
        var worst = ratios.MaxBy(r => r.Ratio);
        var over = ratios.Where(r => r.Hms.Milliseconds > 2 * r.Best.Milliseconds + 50).ToList();
        sb.AppendLine("| | total ms | decided | proved | disproved |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        void Line(string name, IReadOnlyList<SolverRun> runs) => sb.AppendLine(inv,
            $"| {name} | {runs.Sum(r => r.Milliseconds):F0} | {runs.Count(r => r.Decided)} | {runs.Count(r => r.Verdict == "proved")} | {runs.Count(r => r.Verdict == "disproved")} |");
        Line("hms (portfolio)", rows.Select(r => r.Hms).ToList());
        Line("z3 alone", rows.Select(r => r.Z3).ToList());
        Line("cvc5 alone", rows.Select(r => r.Cvc5).ToList());
        Line("virtual best", best);
        sb.AppendLine();
        sb.AppendLine(inv, $"- total ratio hms / virtual best: **{hmsTotal / Math.Max(bestTotal, 1):F2}x** (target ≤ 1.5x)");
        if (worst.File is not null)
            sb.AppendLine(inv, $"- worst per-theorem ratio: {worst.Ratio:F2}x ({Path.GetFileName(worst.File)}: {worst.Hms.Milliseconds:F0} ms vs {worst.Best.Milliseconds:F0} ms)");
        sb.AppendLine(inv, $"- theorems above 2x virtual best + 50 ms: {over.Count} (target 0)");
        sb.AppendLine(inv, $"- decided: hms {rows.Count(r => r.Hms.Decided)}, virtual best {best.Count(b => b.Decided)} (target: hms ≥ virtual best)");
        sb.AppendLine(inv, $"- pool: {statistics.ProcessesSpawned} processes started, {statistics.ProcessesKilled} stopped, {statistics.GoalsRun} goals, {statistics.GoalsOnWarmProcess} on a warm process");
        sb.AppendLine();
        sb.AppendLine("| theorem | expected | hms ms | hms | z3 ms | z3 | cvc5 ms | cvc5 | hms / best |");
        sb.AppendLine("| --- | --- | ---: | --- | ---: | --- | ---: | --- | ---: |");
        foreach (var (r, i) in rows.Select((r, i) => (r, i)).Where(x => x.r.Hms.Milliseconds > 2 * best[x.i].Milliseconds + 50 || !x.r.Hms.Decided || x.r.File.Contains("bench/models", StringComparison.Ordinal)))
        {
            sb.AppendLine(inv,
                $"| {Path.GetFileName(r.File)} | {r.Expected} | {r.Hms.Milliseconds:F0} | {r.Hms.Verdict} | {r.Z3.Milliseconds:F0} | {r.Z3.Verdict} | {r.Cvc5.Milliseconds:F0} | {r.Cvc5.Verdict} | {ratios[i].Ratio:F2}x |");
        }
        sb.AppendLine();
        sb.AppendLine("(Rows: every bench/models theorem, and every other theorem hms did not decide or took above 2x + 50 ms.)");
        return sb.ToString();
    }
}

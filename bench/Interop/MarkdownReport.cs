using System.Globalization;
using System.Text;

namespace Hms.Interop.Bench;

/// <summary>The run as markdown, ready to paste into docs/benchmarks.md. Sections that did not run are left out.</summary>
internal static class MarkdownReport
{
    public static string Write(MachineInfo machine, string command, int passes, IReadOnlyList<string> solvers,
        IReadOnlyList<HandoverResult>? handovers, IReadOnlyList<CallOverheadResult>? calls, GeneticThroughputResult? genetic,
        CorpusReport? corpus)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}`.");
        Line($"");
        Line($"- machine: {machine.Cores} cores (nproc), {machine.Cpu}, {machine.Memory} memory, {machine.OperatingSystem}");
        Line($"- load average (1 min) at start and end: {machine.Load} / {MachineInfo.ReadLoad()}");
        Line($"- software: {machine.Runtime}, Python {machine.Python} (Debian, embedded with pythonnet 3.2.1), NumPy {machine.NumPy}{(solvers.Count > 0 ? ", " + string.Join(", ", solvers) : "")}");
        if (handovers is not null || calls is not null)
            Line($"- handover and call overhead: median of {passes} timed passes after one warm-up pass");

        if (handovers is not null)
        {
            Line($"");
            Line($"**.NET → NumPy handover of one float64 array** (µs per array, timed inside calls):");
            Line($"");
            Line($"| size | zero-copy (shared buffer view) | copy: bytes + np.frombuffer | copy: list + np.array | memcpy alone | copy bytes ÷ zero-copy | copy bytes, GB/s | memcpy, GB/s |");
            Line($"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var h in handovers)
            {
                Line($"| {Size(h.Bytes)} | {h.ZeroCopy:0.00} | {h.CopyBytes:0.00} | {h.CopyList:0.0} | {h.Memcpy:0.00} | {h.CopyBytes / h.ZeroCopy:0.0}× | {h.Bytes / h.CopyBytes / 1e3:0.0} | {h.Bytes / h.Memcpy / 1e3:0.0} |");
            }
        }
        if (calls is not null)
        {
            Line($"");
            Line($"**Call overhead** (µs per item; batched = 1,000 calls queued at once and awaited together):");
            Line($"");
            Line($"| work per item | a call per item, awaited one by one | batched calls | calls per GIL hold | one call looping over 1,000 items | one by one ÷ batched |");
            Line($"| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var c in calls)
            {
                Line($"| {c.Work} | {c.Sequential:0.00} | {c.Batched:0.00} | {c.CallsPerHold:0} | {c.InsideOneCall:0.00} | {c.Sequential / c.Batched:0.0}× |");
            }
        }
        if (genetic is { } g)
        {
            Line($"");
            Line($"**Genetic search throughput** (fitness evaluations per second, median of {g.Passes} passes, best pass in brackets; `{GeneticThroughputBenchmark.TheoremText}` over -10..10 each, which holds, so every pass runs its full course):");
            Line($"");
            Line($"| theorem | variables | population | through the bridge ({g.BridgeGenerations} generations) | NumPy inside Python, no bridge ({g.BridgeGenerations} generations) | pure Python ({g.PureGenerations} generations) | bridge ÷ pure Python | bridge ÷ NumPy inside Python |");
            Line($"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Line($"| {g.Theorem} | {g.Variables} | {g.Population} | {g.Bridge:N0} ({g.BridgeBest:N0}) | {g.NumPyInProcess:N0} | {g.PurePython:N0} ({g.PurePythonBest:N0}) | {g.Bridge / g.PurePython:0.0}× | {g.Bridge / g.NumPyInProcess:0.00}× |");
            Line($"");
            Line($"Bridge passes: {g.BridgeOutcome}.");
        }
        if (corpus is not null) WriteCorpus(text, corpus);
        return text.ToString();
    }

    private static void WriteCorpus(StringBuilder text, CorpusReport corpus)
    {
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var theorems = corpus.Theorems;
        Line($"");
        Line($"**Time to a validated counterexample** on the {theorems.Count} false infix theorems of `{corpus.Folder}` (`expected: disproved`; ms to the verdict, median of {corpus.Repetitions} timed runs after a warm-up run; GA: {CorpusBenchmark.Genetic}; solvers: portfolio on a warm pool of {corpus.PoolConcurrency} goals at once; no proof cache):");
        Line($"");
        Line($"| theorem | GA variables | GA alone | solvers alone | both | decided by (solvers alone / both) | solvers ÷ both | solvers ÷ GA |");
        Line($"| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var t in theorems)
        {
            var ga = t.Median(CorpusMode.Genetic);
            var solvers = t.Median(CorpusMode.Solvers);
            var both = t.Median(CorpusMode.Both);
            Line($"| {t.Id} | {(t.Variables >= 0 ? t.Variables.ToString(CultureInfo.InvariantCulture) : "—")} | {Ms(ga)} | {Ms(solvers)} | {Ms(both)} | {t.DecidedBy(CorpusMode.Solvers)} / {t.DecidedBy(CorpusMode.Both)} | {Ratio(solvers, both)} | {Ratio(solvers, ga)} |");
        }

        var all = theorems.Where(t => t.Median(CorpusMode.Genetic) is not null && t.Median(CorpusMode.Solvers) is not null && t.Median(CorpusMode.Both) is not null).ToList();
        Line($"");
        Line($"| mode | validated DISPROVED, theorems | total ms (sum of medians) | median ms per theorem | total ms on the {all.Count} theorems every mode decides |");
        Line($"| --- | ---: | ---: | ---: | ---: |");
        foreach (var (mode, name) in new[] { (CorpusMode.Genetic, "GA alone"), (CorpusMode.Solvers, "solvers alone"), (CorpusMode.Both, "both") })
        {
            var medians = theorems.Select(t => t.Median(mode)).OfType<double>().ToList();
            Line($"| {name} | {medians.Count} of {theorems.Count} | {medians.Sum():0} | {Ms(Median(medians))} | {all.Sum(t => t.Median(mode)!.Value):0} |");
        }

        double? Total(CorpusMode mode, IEnumerable<CorpusTheorem> over) => over.Select(t => t.Median(mode)).OfType<double>().Sum();
        var decidedByBoth = theorems.Where(t => t.Median(CorpusMode.Solvers) is not null && t.Median(CorpusMode.Both) is not null).ToList();
        var decidedByGa = theorems.Where(t => t.Median(CorpusMode.Solvers) is not null && t.Median(CorpusMode.Genetic) is not null).ToList();
        Line($"");
        Line($"| ratio | of totals | median of per-theorem ratios | theorems |");
        Line($"| --- | ---: | ---: | ---: |");
        Line($"| solvers alone ÷ both | {Ratio(Total(CorpusMode.Solvers, decidedByBoth), Total(CorpusMode.Both, decidedByBoth))} | {Ratio(Median(decidedByBoth.Select(t => t.Median(CorpusMode.Solvers)!.Value / t.Median(CorpusMode.Both)!.Value).ToList()), 1)} | {decidedByBoth.Count} |");
        Line($"| solvers alone ÷ GA alone | {Ratio(Total(CorpusMode.Solvers, decidedByGa), Total(CorpusMode.Genetic, decidedByGa))} | {Ratio(Median(decidedByGa.Select(t => t.Median(CorpusMode.Solvers)!.Value / t.Median(CorpusMode.Genetic)!.Value).ToList()), 1)} | {decidedByGa.Count} |");

        Line($"");
        Line($"Solver pool during the timed runs (a portfolio race cancels its loser, and a decided theorem its other goals; a cancelled goal's process is killed and replaced):");
        Line($"");
        Line($"- solvers alone: {corpus.Pool[CorpusMode.Solvers]}");
        Line($"- both: {corpus.Pool[CorpusMode.Both]}");
        Line($"");
        var problems = corpus.Problems.ToList();
        foreach (var t in theorems)
        {
            foreach (var mode in new[] { CorpusMode.Genetic, CorpusMode.Solvers, CorpusMode.Both })
            {
                var runs = t.Timed[mode].Prepend(t.WarmUp[mode]).Where(r => !r.Good).ToList();
                if (runs.Count == 0) continue;
                var what = mode == CorpusMode.Genetic ? "GA alone" : mode == CorpusMode.Solvers ? "solvers alone" : "both";
                var skipped = mode == CorpusMode.Genetic && t.Timed[mode].Count == 0 ? " (not repeated: the seed is fixed)" : "";
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Id}, {what}: {runs.Count} run(s) without a validated DISPROVED{skipped}, e.g. after {runs[0].Milliseconds:0} ms: {runs[0].Detail}"));
            }
        }
        if (problems.Count == 0)
        {
            Line($"Every run of every mode ended in a validated DISPROVED.");
        }
        else
        {
            Line($"Runs without a validated DISPROVED (a GA miss is no error: the search is incomplete by nature; a solver-mode one is):");
            Line($"");
            foreach (var p in problems) Line($"- {p.Replace('\n', ' ').Replace('|', '/')}");
        }
    }

    private static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(double? value) => value is { } v ? v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) : "—";

    private static string Ratio(double? over, double? under) =>
        over is { } a && under is { } b && b > 0 ? (a / b).ToString(a / b < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "×" : "—";

    private static string Size(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MB" : $"{bytes >> 10} KB";
}

/// <summary>The corpus section's results and what the report says about them.</summary>
/// <param name="Pool">What the solver pool did during the timed runs of each mode.</param>
internal sealed record CorpusReport(string Folder, int Repetitions, int PoolConcurrency, IReadOnlyDictionary<CorpusMode, PoolCounts> Pool,
    IReadOnlyList<CorpusTheorem> Theorems,
    IReadOnlyList<string> Problems);

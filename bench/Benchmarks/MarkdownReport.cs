using System.Globalization;
using System.Text;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>The run as markdown, ready to paste into docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    public static string Write(MachineInfo machine, BenchOptions options, string command, IReadOnlyList<BenchGoal> goals,
        IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<SolverKind, SolverPool> pools)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var sat = goals.Count(g => g.ExpectSat);
        var families = string.Join(", ", goals.Select(g => g.Family).Distinct());
        var concurrency = options.Concurrency == 1
            ? "sequential only"
            : $"sequential and {options.Concurrency} goals at once";
        Line($"Measured {machine.Date:yyyy-MM-dd HH:mm} UTC with `{command}`.");
        Line($"");
        Line($"- machine: {machine.Cores} cores (nproc), {machine.Cpu}, {machine.Memory} memory, {machine.OperatingSystem}");
        Line($"- load average (1 min) at start and end: {machine.LoadBefore} / {MachineInfo.ReadLoad()}");
        Line($"- software: {string.Join(", ", machine.Solvers)}, {machine.Runtime}");
        Line($"- batch: {goals.Count} distinct goals, {sat} sat with get-value, {goals.Count - sat} unsat with get-unsat-core ({families})");
        Line($"- {options.Repetitions} timed passes per mode, {concurrency}, after {Math.Min(options.Warmup, goals.Count)} warm-up goals");
        Line($"");
        Line($"| solver | goals at once | mode | ms/goal, median pass | ms/goal, best pass | one goal, median ms | one goal, mean ms |");
        Line($"| --- | ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            Line($"| {SolverScripts.Name(m.Solver)} | {m.Concurrency} | {m.Mode} | {m.WallPerGoalMedianMs:0.00} | {m.WallPerGoalBestMs:0.00} | {m.GoalMedianMs:0.00} | {m.GoalMeanMs:0.00} |");
        }

        var ratios = Ratios(measurements).ToList();
        if (ratios.Count > 0)
        {
            Line($"");
            Line($"Ratios of ms/goal, median passes (best passes in brackets):");
            Line($"");
            Line($"| solver | goals at once | spawn / pool | pool / raw |");
            Line($"| --- | ---: | ---: | ---: |");
            foreach (var r in ratios)
                Line($"| {r.Solver} | {r.Concurrency} | {r.SpawnPool:0.0}x ({r.SpawnPoolBest:0.0}x) | {r.PoolRaw:0.00}x ({r.PoolRawBest:0.00}x) |");
        }

        if (pools.Count > 0)
        {
            Line($"");
            foreach (var (kind, pool) in pools)
            {
                var s = pool.Statistics;
                Line($"- pool, {SolverScripts.Name(kind)}: {s.GoalsRun} goals on {s.ProcessesSpawned} processes, {s.GoalsOnWarmProcess} on a warm one, {s.GoalsTimedOut} timed out");
            }
        }

        Line($"");
        Line($"Wrong answers: {measurements.SelectMany(m => m.Failures).Count()}.");
        return text.ToString();
    }

    private sealed record Ratio(string Solver, int Concurrency, double SpawnPool, double SpawnPoolBest, double PoolRaw, double PoolRawBest);

    private static IEnumerable<Ratio> Ratios(IReadOnlyList<Measurement> measurements)
    {
        foreach (var group in measurements.GroupBy(m => (m.Solver, m.Concurrency)))
        {
            var pool = group.FirstOrDefault(m => m.Mode == "pool");
            var spawn = group.FirstOrDefault(m => m.Mode == "spawn");
            var raw = group.FirstOrDefault(m => m.Mode == "raw");
            if (pool is null || spawn is null || raw is null) continue;
            yield return new(SolverScripts.Name(group.Key.Solver), group.Key.Concurrency,
                spawn.WallPerGoalMedianMs / pool.WallPerGoalMedianMs, spawn.WallPerGoalBestMs / pool.WallPerGoalBestMs,
                pool.WallPerGoalMedianMs / raw.WallPerGoalMedianMs, pool.WallPerGoalBestMs / raw.WallPerGoalBestMs);
        }
    }
}

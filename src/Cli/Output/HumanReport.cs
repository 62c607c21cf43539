using Hms.Cli.Commands;
using Hms.Proving.Proof;
using Spectre.Console;

namespace Hms.Cli.Output;

/// <summary>A few readable lines per theorem: verdict, counterexample, warnings, what was used.</summary>
internal static class HumanReport
{
    /// <summary>A counterexample over a hundred Booleans is for machines; people see the first few.</summary>
    private const int MaxShownValues = 16;

    public static void Write(IAnsiConsole console, ProveRun run)
    {
        var r = run.Result;
        var color = r.Status switch
        {
            TheoremStatus.Proved => "green",
            TheoremStatus.Disproved => "red",
            TheoremStatus.Error => "magenta",
            _ => "yellow",
        };
        var mismatch = run.Mismatch ? $" [bold red](expected {run.Expected.ToString()!.ToLowerInvariant()})[/]" : "";
        console.MarkupLine($"[{color}]{StatusText.Of(r.Status),-9}[/] {Markup.Escape(run.Id)} [grey]{Markup.Escape(run.File)} {r.Elapsed.TotalMilliseconds:F0} ms[/]{mismatch}");
        if (r.Counterexample is { } c)
        {
            var values = string.Join(", ", c.Assignment.Take(MaxShownValues).Select(a => c.Approximate.Contains(a.Key) ? $"{a.Key} ≈ {a.Value}" : $"{a.Key} = {a.Value}"));
            if (c.Assignment.Count > MaxShownValues) values += $", … ({c.Assignment.Count - MaxShownValues} more; --json shows all)";
            console.MarkupLine($"          counterexample{c.Validation switch { CounterexampleValidation.Exact => "", CounterexampleValidation.Solver => " (confirmed by a solver, not exactly checked)", CounterexampleValidation.Interval => " (checked by interval arithmetic)", _ => " (not checked)" }}: {Markup.Escape(values)}");
            console.MarkupLine($"          [grey]{Markup.Escape(c.Explanation)}[/]");
        }
        foreach (var w in r.Warnings) console.MarkupLine($"          [yellow]warning:[/] {Markup.Escape(w)}");
        if (r.Error is not null) console.MarkupLine($"          {Markup.Escape(r.Error)}");
        if (r.AssumptionsUsed.Count > 0)
            console.MarkupLine($"          [grey]used: {Markup.Escape(string.Join("; ", r.AssumptionsUsed))}[/]");
    }
}

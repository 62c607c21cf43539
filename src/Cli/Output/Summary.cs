using Hms.Cli.Commands;
using Hms.Proving.Proof;

namespace Hms.Cli.Output;

/// <summary>The closing summary on stderr: verdict counts and mismatches against `expected`.</summary>
internal static class Summary
{
    public static void Write(IReadOnlyList<ProveRun> runs, TimeSpan elapsed)
    {
        int Count(TheoremStatus s) => runs.Count(r => r.Result.Status == s);
        Console.Error.WriteLine(
            $"{runs.Count} theorems in {elapsed.TotalSeconds:F1} s: {Count(TheoremStatus.Proved)} proved, " +
            $"{Count(TheoremStatus.Disproved)} disproved, {Count(TheoremStatus.Unknown)} unknown, " +
            $"{Count(TheoremStatus.Error)} error, {Count(TheoremStatus.Cancelled)} cancelled");
        var withExpected = runs.Where(r => r.Expected is not null).ToList();
        if (withExpected.Count == 0) return;
        var mismatches = withExpected.Where(r => r.Mismatch).ToList();
        Console.Error.WriteLine($"expected verdicts: {withExpected.Count - mismatches.Count} match, {mismatches.Count} mismatch");
        foreach (var m in mismatches)
            Console.Error.WriteLine($"  mismatch: {m.File}: {m.Id}: expected {m.Expected!.ToString()!.ToLowerInvariant()}, got {StatusText.Of(m.Result.Status).ToLowerInvariant()}");
    }
}

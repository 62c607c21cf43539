using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>
/// Confirms each mode got the answer the goal calls for. A mode that errors out early would otherwise look fast.
/// </summary>
internal static class AnswerCheck
{
    /// <summary>Checks a pool result; null when it is right, else what is wrong.</summary>
    public static string? Check(BenchGoal goal, SolverResult result)
    {
        var expected = goal.ExpectSat ? SolverStatus.Sat : SolverStatus.Unsat;
        if (result.Status != expected)
            return Describe(goal, $"{result.Status}{(result.Reason is null ? "" : $" ({result.Reason})")}");
        if (goal.ExpectSat && (result.Model is null || goal.ModelVariables.Any(v => !result.Model.ContainsKey(v))))
            return Describe(goal, "sat without a value for every model variable");
        if (!goal.ExpectSat && (result.UnsatCore is null || result.UnsatCore.Count == 0))
            return Describe(goal, "unsat without an unsat core");
        return null;
    }

    /// <summary>Checks a verdict line and the follow-up answer read from a solver's stdout.</summary>
    public static string? Check(BenchGoal goal, string verdict, string followUp)
    {
        var expected = goal.ExpectSat ? "sat" : "unsat";
        if (verdict.Trim() != expected)
            return Describe(goal, $"'{Excerpt(verdict)}' then '{Excerpt(followUp)}'");
        var answer = followUp.Trim();
        if (answer.Length == 0 || answer.Contains("(error", StringComparison.Ordinal))
            return Describe(goal, $"{expected}, but the follow-up answered '{Excerpt(followUp)}'");
        // get-value answers ((p 1.0) ...) and the core (A... A...); an empty list means the question went wrong.
        if (answer == "()")
            return Describe(goal, $"{expected} with an empty {(goal.ExpectSat ? "model" : "unsat core")}");
        return null;
    }

    private static string Describe(BenchGoal goal, string got) =>
        $"goal {goal.Index} ({goal.Family}): expected {(goal.ExpectSat ? "sat" : "unsat")}, got {got}";

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }
}

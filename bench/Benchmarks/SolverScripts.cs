using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>
/// The command lines and per-goal commands of the spawn and raw modes. They set the same options the pool sets
/// (models, cores, the soft time limit, cvc5's logic) so that all three modes ask the solver for the same work
/// and differ only in how processes are managed.
/// </summary>
internal static class SolverScripts
{
    public static string Executable(SolverKind kind) => kind == SolverKind.Z3 ? "z3" : "cvc5";

    /// <summary>Interactive stdin, answering each command as it arrives: what the pool runs too.</summary>
    public static IReadOnlyList<string> Arguments(SolverKind kind) =>
        kind == SolverKind.Z3 ? ["-in", "-smt2"] : ["--lang", "smt2", "--incremental"];

    public static string Name(SolverKind kind) => kind == SolverKind.Z3 ? "z3" : "cvc5";

    /// <summary>
    /// The solver itself with all three streams redirected, started directly: no prlimit wrapper, unlike the pool,
    /// which if anything flatters the modes that use this.
    /// </summary>
    public static ProcessStartInfo StartInfo(SolverKind kind)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var startInfo = new ProcessStartInfo(Executable(kind))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
        };
        foreach (var argument in Arguments(kind))
            startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    /// <summary>Options and the goal's script, up to and including check-sat.</summary>
    public static string Question(SolverKind kind, BenchGoal goal, TimeSpan timeout)
    {
        var ms = ((long)Math.Ceiling(timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        if (kind == SolverKind.Z3)
        {
            // Written out both ways: z3 keeps options across (reset), and cores left on slow down later sat goals.
            text.Append("(set-option :timeout ").Append(ms).Append(")\n");
            text.Append("(set-option :produce-models true)\n");
            text.Append("(set-option :produce-unsat-cores ").Append(goal.WantUnsatCore ? "true" : "false").Append(")\n");
        }
        else
        {
            text.Append("(set-option :produce-models true)\n");
            if (goal.WantUnsatCore)
                text.Append("(set-option :produce-unsat-cores true)\n");
            text.Append("(set-option :tlimit-per ").Append(ms).Append(")\n");
            text.Append("(set-logic ALL)\n");
        }
        text.Append(goal.Script).Append("(check-sat)\n");
        return text.ToString();
    }

    /// <summary>What a caller asks after the verdict: the counterexample's values on sat, the core on unsat.</summary>
    public static string FollowUp(BenchGoal goal) =>
        goal.ExpectSat ? $"(get-value ({string.Join(' ', goal.ModelVariables)}))\n" : "(get-unsat-core)\n";

    /// <summary>An (echo) whose output line marks the end of a goal's answers in a long conversation.</summary>
    public static string Echo(string marker) => $"(echo \"{marker}\")\n";

    // z3 echoes the bare text, cvc5 quotes it.
    public static bool IsEcho(string line, string marker)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.SequenceEqual(marker) ||
               (trimmed.Length == marker.Length + 2 && trimmed[0] == '"' && trimmed[^1] == '"' && trimmed[1..^1].SequenceEqual(marker));
    }
}

using System.Text.RegularExpressions;

namespace Hms.Proving.Solvers;

/// <summary>What differs between the solvers: command line, per-goal preamble, how errors point at lines.</summary>
internal abstract class SolverDialect
{
    public static SolverDialect For(SolverKind kind) => kind switch
    {
        SolverKind.Z3 => Z3Dialect.Instance,
        SolverKind.Cvc5 => Cvc5Dialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public abstract SolverKind Kind { get; }

    /// <summary>Lowercase name used in reasons: "z3", "cvc5".</summary>
    public abstract string Name { get; }

    /// <summary>Arguments that make the solver read SMT-LIB 2 from stdin and answer each command as it arrives.</summary>
    public abstract IReadOnlyList<string> Arguments { get; }

    /// <summary>
    /// Commands sent before the script. They start with (reset) and then set every option the pool relies on,
    /// because z3 keeps options across (reset).
    /// </summary>
    public abstract string Preamble(SolverRequest request, ScriptInspection script);

    /// <summary>Commands that print the given (already quoted) variables as decimals; null when unsupported.</summary>
    public abstract string? DecimalValuesQuery(string quotedVariables);

    /// <summary>Pattern for a position in an error message; group "line" and "column".</summary>
    protected abstract Regex ErrorPosition { get; }

    /// <summary>The line number convention of <see cref="ErrorPosition"/>: 0 or 1 for the first line.</summary>
    protected abstract int FirstLineNumber { get; }

    /// <summary>
    /// Solvers number lines from the start of the process's input, which spans many goals. Rewrites a position
    /// inside the user's script as "line L column C" relative to the script; others are left alone.
    /// </summary>
    public string RelocateError(string message, long scriptFirstLine, int scriptLineCount) =>
        ErrorPosition.Replace(message, match =>
        {
            var absolute = long.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)
                           - FirstLineNumber + 1;
            var relative = absolute - scriptFirstLine + 1;
            return relative >= 1 && relative <= scriptLineCount
                ? $"line {relative} column {match.Groups["column"].Value}"
                : match.Value;
        });

    /// <summary>The solver's own soft limit in milliseconds, or null for none.</summary>
    protected static long? SoftLimitMs(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? null : Math.Clamp((long)Math.Ceiling(timeout.TotalMilliseconds), 1, uint.MaxValue - 1);
}

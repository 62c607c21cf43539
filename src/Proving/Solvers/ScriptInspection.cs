using System.Text;
using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// A goal script read once by the strict reader, checked against the allow-lists of commands and options,
/// and printed again: <see cref="Text"/> is what the solver reads, never the text the pool was handed.
/// </summary>
/// <param name="HasSetLogic">The script picks its own logic.</param>
/// <param name="SetsOptions">
/// The script contains set-option. z3 keeps options across (reset), so such a process is never reused.
/// </param>
/// <param name="LineCount">Lines of <see cref="Text"/>, for placing a solver's error positions.</param>
/// <param name="Problem">Why the script must not be sent at all, or null.</param>
internal sealed record ScriptInspection(bool HasSetLogic, bool SetsOptions, int LineCount, string? Problem)
{
    /// <summary>The re-printed commands, one per line; empty when there is a <see cref="Problem"/>.</summary>
    public string Text { get; init; } = "";

    /// <summary>
    /// <see cref="Text"/> with each top-level <c>(assert (! e :named n))</c> printed as <c>(assert e)</c>, line for
    /// line. The second form of a generated goal that the named form did not decide in its share of the limit
    /// (GoalRunner): z3 4.8.12 tracks named assertions as soon as any earlier goal on the process had unsat cores
    /// on, whatever the option says after (reset), and tracking skips preprocessing some goals need (20 ms
    /// became 4.7 s). Only for generated goals, whose names nothing refers to; a user's script may use its
    /// names in later terms.
    /// </summary>
    public string UnnamedText { get; init; } = "";

    /// <summary>Deepest (push n) or (pop n) accepted: more only lets a script make a solver allocate scopes.</summary>
    public const int MaxScopeLevels = 1_000;

    // Everything else either prints output the pool would misread as an answer (check-sat, get-*, echo,
    // eval, simplify), escapes the goal (exit, reset, include reads files) or changes what check-sat means
    // (z3's assert-soft/minimize). The pool owns the conversation; a script only states the problem.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "set-logic", "set-option", "set-info",
        "declare-const", "declare-fun", "define-const", "define-fun", "define-fun-rec", "define-funs-rec",
        "declare-sort", "define-sort", "declare-datatype", "declare-datatypes",
        "assert", "push", "pop",
    };

    public static ScriptInspection Inspect(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        IReadOnlyList<SExpr> commands;
        try
        {
            commands = SExprReader.ParseAll(script);
        }
        catch (SExprParseException e)
        {
            return Refused($"script: {e.Message}");
        }

        var hasSetLogic = false;
        var setsOptions = false;
        var text = new StringBuilder();
        var unnamed = new StringBuilder();
        foreach (var command in commands)
        {
            if (CommandProblem(command) is { } problem)
                return Refused($"script: {problem}");
            if (command.Head == "set-logic") hasSetLogic = true;
            if (command.Head == "set-option")
            {
                setsOptions = true;
                var (verdict, why) = SetOptionPolicy.Judge((SList)command);
                if (verdict != SetOptionPolicy.Verdict.Allowed)
                    return Refused($"script: {Where(command)}: (set-option {((SList)command)[1]} ...) is not allowed in a goal script: {why}");
            }
            try
            {
                command.WriteTo(text);
                (Unnamed(command) ?? command).WriteTo(unnamed);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return Refused($"script: {Where(command)}: {e.Message.Split(" (Parameter")[0]}");
            }
            text.Append('\n');
            unnamed.Append('\n');
        }
        var printed = text.ToString();
        return new(hasSetLogic, setsOptions, printed.Count(c => c == '\n') + 1, null) { Text = printed, UnnamedText = unnamed.ToString() };
    }

    /// <summary>(assert e) for (assert (! e :named n)) with no other attribute, else null.</summary>
    private static SList? Unnamed(SExpr command) =>
        command is SList { Items: [SSymbol { Name: "assert" } assert, SList { Items: [SSymbol { Name: "!" }, var term, SAtom { Text: ":named" }, SSymbol] }] }
            ? new SList(assert, term)
            : null;

    /// <summary>
    /// Why <paramref name="command"/> may not reach a solver, naming it with its line and column; null when it
    /// may. set-option values are judged separately by <see cref="SetOptionPolicy"/>.
    /// </summary>
    internal static string? CommandProblem(SExpr command)
    {
        var head = command.Head;
        if (head is null)
            return $"{Where(command)}: expected a command such as (assert ...), found {Abbreviate(command)}";
        if (!Allowed.Contains(head))
        {
            var why = head switch
            {
                _ when head.StartsWith("check-sat", StringComparison.Ordinal) || head.StartsWith("get-", StringComparison.Ordinal) =>
                    "the solver pool adds check-sat and reads results itself",
                "echo" => "it prints text the solver pool would read as the solver's answer",
                "include" => "it makes the solver read a file",
                "exit" or "reset" or "reset-assertions" => "the solver pool owns the solver's life and state",
                _ => "only declarations, definitions, assertions, push/pop, set-logic, set-option and set-info are accepted",
            };
            return $"{Where(command)}: ({head} ...) is not allowed: {why}";
        }
        if (head is "push" or "pop" && command is SList scope)
        {
            var bounded = scope.Items switch
            {
                [_] => true,
                [_, SAtom { IsNumeral: true } n] => n.Text.Length <= 4 && int.Parse(n.Text) <= MaxScopeLevels,
                _ => false,
            };
            if (!bounded)
                return $"{Where(command)}: ({head} ...) takes no argument or a numeral up to {MaxScopeLevels}";
        }
        return null;
    }

    private static string Where(SExpr command) => $"line {command.Span.Line}:{command.Span.Column}";

    private static ScriptInspection Refused(string problem) => new(false, false, 0, problem);

    private static string Abbreviate(SExpr expression)
    {
        string text;
        try
        {
            text = expression.ToString();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            text = expression.GetType().Name;
        }
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}

using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// What the pool needs to know about a goal script before sending it, found by reading it once.
/// </summary>
/// <param name="HasSetLogic">The script picks its own logic.</param>
/// <param name="SetsOptions">
/// The script contains set-option. z3 keeps options across (reset), so such a process is never reused.
/// </param>
/// <param name="Problem">Why the script must not be sent at all, or null.</param>
internal sealed record ScriptInspection(bool HasSetLogic, bool SetsOptions, int LineCount, string? Problem)
{
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
        var lineCount = script.Count(c => c == '\n') + 1;
        IReadOnlyList<SExpr> commands;
        try
        {
            commands = SExprReader.ParseAll(script);
        }
        catch (SExprParseException e)
        {
            return new(false, false, lineCount, $"script: {e.Message}");
        }

        var hasSetLogic = false;
        var setsOptions = false;
        foreach (var command in commands)
        {
            var where = $"script: line {command.Span.Line}:{command.Span.Column}";
            var head = command.Head;
            if (head is null)
                return new(false, false, lineCount, $"{where}: expected a command such as (assert ...), found {Abbreviate(command)}");
            if (!Allowed.Contains(head))
            {
                var why = head.StartsWith("check-sat", StringComparison.Ordinal) || head.StartsWith("get-", StringComparison.Ordinal)
                    ? "the solver pool adds check-sat and reads results itself"
                    : "only declarations, definitions, assertions, push/pop, set-logic, set-option and set-info are accepted";
                return new(false, false, lineCount, $"{where}: ({head} ...) is not allowed in a goal script: {why}");
            }
            switch (head)
            {
                case "set-logic":
                    hasSetLogic = true;
                    break;
                case "set-option":
                    setsOptions = true;
                    // Every option that names a file or output channel takes a string: refusing string values
                    // keeps an untrusted script from writing files or hiding its answers from the pool.
                    if (command is SList list && list.Items.Skip(2).Any(v => v is SString))
                        return new(false, false, lineCount, $"{where}: set-option with a string value is not allowed in a goal script");
                    break;
            }
        }
        return new(hasSetLogic, setsOptions, lineCount, null);
    }

    private static string Abbreviate(SExpr expression)
    {
        var text = expression.ToString();
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}

using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// One request's worth of solver output, sorted into errors, "unsupported" notices and everything else.
/// </summary>
/// <param name="Errors">The messages of every (error "...") printed, first line of each.</param>
/// <param name="Unsupported">The solver printed "unsupported": it skipped a command or option.</param>
/// <param name="Items">All other expressions, "success" acknowledgements dropped.</param>
/// <param name="Unreadable">The raw text when it was not even s-expressions, else null.</param>
internal sealed record SolverResponse(
    IReadOnlyList<string> Errors,
    bool Unsupported,
    IReadOnlyList<SExpr> Items,
    string? Unreadable)
{
    public static SolverResponse Parse(string output)
    {
        IReadOnlyList<SExpr> expressions;
        try
        {
            expressions = SExprReader.ParseSolverOutput(output);
        }
        catch (SExprParseException)
        {
            // z3 does not escape quotes inside error messages, so an error can be unreadable as an s-expression;
            // it must still count as an error rather than let a verdict on another line through.
            var errorLines = output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("(error", StringComparison.Ordinal))
                .Select(l => l.TrimStart('(')["error".Length..].Trim().Trim('"', ')', ' '))
                .ToList();
            return new(errorLines, false, [], errorLines.Count > 0 ? null : output);
        }

        var errors = new List<string>();
        var items = new List<SExpr>();
        var unsupported = false;
        foreach (var expression in expressions)
        {
            switch (expression)
            {
                case SList { Items: [SSymbol { Name: "error" }, ..] } error:
                    var message = error.Items is [_, SString text] ? text.Value : string.Join(' ', error.Items.Skip(1));
                    errors.Add(FirstLine(message));
                    break;
                case SSymbol { Name: "unsupported" }:
                    unsupported = true;
                    break;
                case SSymbol { Name: "success" }:
                    break;
                default:
                    items.Add(expression);
                    break;
            }
        }
        return new(errors, unsupported, items, null);
    }

    /// <summary>The check-sat answer when the output holds exactly one, else null.</summary>
    public SolverStatus? Verdict
    {
        get
        {
            var verdicts = Items.OfType<SSymbol>()
                .Select(s => s.Name switch
                {
                    "sat" => SolverStatus.Sat,
                    "unsat" => SolverStatus.Unsat,
                    "unknown" => SolverStatus.Unknown,
                    _ => (SolverStatus?)null,
                })
                .Where(v => v is not null)
                .ToList();
            return verdicts.Count == 1 && Items.Count == 1 ? verdicts[0] : null;
        }
    }

    /// <summary>The output cut to a length fit for a reason string.</summary>
    public static string Excerpt(string output)
    {
        var flat = string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (flat.Length == 0) return "(nothing)";
        return flat.Length <= 200 ? flat : flat[..197] + "...";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 500 ? line : line[..497] + "...";
    }
}

using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Compiling;

/// <summary>
/// Reads a theorem written as an SMT-LIB 2 script (the negation of the claim, as benchmarks are written):
/// keeps what it asserts up to its first check-sat and drops the commands the solver pool owns (get-*,
/// set-info, z3's optimisation commands). Commands that could print, read files or reset the solver, and
/// options off the allow-list, are errors naming the command's line and column. Its Int, Real and Bool
/// constants are the counterexample's variables. What it keeps is re-printed from the parsed tree.
/// </summary>
internal static class SmtlibTheorem
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "set-info",
        // z3's optimisation commands: soft constraints and objectives never change satisfiability.
        "assert-soft", "minimize", "maximize",
    };

    public static CompiledTheorem Compile(TheoremDocument document, string prefix)
    {
        IReadOnlyList<SExpr> commands;
        try
        {
            commands = SExprReader.ParseAll(document.Statement);
        }
        catch (SExprParseException e)
        {
            throw new TheoremInputException([$"{prefix}: statement {e.Line}:{e.Column}: {e.Problem}"]);
        }
        var kept = new List<SExpr>();
        var warnings = new List<string>();
        var logic = "ALL";
        var symbols = new Dictionary<string, Sort>(StringComparer.Ordinal);
        // Constants declared since each (push), so a (pop) forgets them as the solver does.
        var scopes = new Stack<List<string>>();
        var checkSat = false;
        foreach (var command in commands)
        {
            var head = command.Head;
            var where = $"{prefix}: statement {command.Span.Line}:{command.Span.Column}";
            if (checkSat)
            {
                // Never sent; but a script that echoes or includes is hostile, not a benchmark.
                if (head is "echo" or "include")
                    throw new TheoremInputException([$"{prefix}: statement {ScriptInspection.CommandProblem(command)}"]);
                continue;
            }
            if (head is not null && head.StartsWith("check-sat", StringComparison.Ordinal))
            {
                if (head == "check-sat-assuming" && command is SList { Items: [_, SList literals] })
                    kept.AddRange(literals.Items.Select(l => new SList(new SSymbol("assert"), l)));
                checkSat = true;
                continue;
            }
            if (head == "reset-assertions")
            {
                kept.RemoveAll(c => c.Head != "set-option");
                symbols.Clear();
                scopes.Clear();
                continue;
            }
            if (head is not null && (Dropped.Contains(head) || head.StartsWith("get-", StringComparison.Ordinal))) continue;
            if (ScriptInspection.CommandProblem(command) is { } problem)
                throw new TheoremInputException([$"{prefix}: statement {problem}"]);
            if (head == "set-option")
            {
                var (verdict, why) = SetOptionPolicy.Judge((SList)command);
                if (verdict == SetOptionPolicy.Verdict.Forbidden)
                    throw new TheoremInputException([$"{where}: (set-option {((SList)command)[1]} ...) is not allowed: {why}"]);
                if (verdict == SetOptionPolicy.Verdict.Ignored)
                {
                    warnings.Add($"statement {command.Span.Line}:{command.Span.Column}: ignored {Short(command)}: {why}");
                    continue;
                }
            }
            if (head == "set-logic" && command is SList { Items: [_, SSymbol name] })
            {
                logic = name.Name;
                // A declared logic only narrows what a solver accepts, and benchmark files often declare
                // one too narrow for what they assert; HORN alone selects a different engine in z3.
                if (logic != "HORN") continue;
            }
            if (DeclaredConstant(command) is { } declared)
            {
                symbols[declared.Name] = declared.Sort;
                if (scopes.Count > 0) scopes.Peek().Add(declared.Name);
            }
            if (head == "push")
            {
                for (var i = 0; i < Levels(command); i++) scopes.Push([]);
            }
            if (head == "pop")
            {
                for (var i = 0; i < Levels(command) && scopes.Count > 0; i++)
                {
                    foreach (var popped in scopes.Pop()) symbols.Remove(popped);
                }
            }
            kept.Add(command);
        }
        if (!checkSat)
            throw new TheoremInputException([$"{prefix}: statement: the script has no (check-sat): nothing to prove"]);
        // Re-printed from the tree, never sliced from the text: the solver reads exactly what was checked here.
        var script = string.Concat(kept.Select(c => c + "\n"));
        var obligation = new ScriptObligation("claim-1", script, symbols);
        return new CompiledTheorem(document, [], [], null, Measure(logic, kept.Count), [obligation]) { Warnings = warnings };
    }

    private static (string Name, Sort Sort)? DeclaredConstant(SExpr command) => command switch
    {
        SList { Items: [SSymbol { Name: "declare-const" }, SSymbol name, SSymbol sort] } when SortOf(sort.Name) is { } s => (name.Name, s),
        SList { Items: [SSymbol { Name: "declare-fun" }, SSymbol name, SList { Count: 0 }, SSymbol sort] } when SortOf(sort.Name) is { } s => (name.Name, s),
        _ => null,
    };

    private static int Levels(SExpr command) =>
        command is SList { Items: [_, SAtom { IsNumeral: true } n] } && int.TryParse(n.Text, out var levels) ? levels : 1;

    private static Sort? SortOf(string name) => name switch
    {
        "Int" => Sort.Int,
        "Real" => Sort.Real,
        "Bool" => Sort.Bool,
        _ => null,
    };

    private static Complexity Measure(string logic, int commands)
    {
        var quantified = !logic.StartsWith("QF_", StringComparison.Ordinal);
        var nonlinear = logic.Contains("NRA") || logic.Contains("NIA") || logic.Contains("NIRA") || logic == "ALL";
        if (quantified && nonlinear) return Complexity.VeryComplex;
        if (quantified || nonlinear || commands > 500) return Complexity.Complex;
        return commands > 50 ? Complexity.Moderate : Complexity.Simple;
    }

    private static string Short(SExpr e)
    {
        var text = e.ToString();
        return text.Length > 40 ? $"'{text[..40]}…'" : $"'{text}'";
    }
}

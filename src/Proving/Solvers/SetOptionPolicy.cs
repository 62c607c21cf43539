using System.Numerics;
using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// Which <c>(set-option ...)</c> a user's script may send to a solver: an allow-list of names, each with the
/// values it may take. Everything that can name a file or an output channel, or switch on traces, dumps,
/// statistics or threads, is refused by name before the allow-list is consulted, so a family admitted as a
/// whole (z3's <c>smt.*</c>) cannot smuggle one in; values are only Booleans and bounded numbers, never a
/// string or symbol that could spell a path.
/// </summary>
internal static class SetOptionPolicy
{
    public enum Verdict
    {
        Allowed,

        /// <summary>Harmless to the verdict but never sent: the theorem compiler drops it with a warning.</summary>
        Ignored,

        Forbidden,
    }

    private enum Value
    {
        Bool,
        Number,
    }

    // Standard SMT-LIB 2.6 options that only choose what a solver keeps or how it searches.
    private static readonly Dictionary<string, Value> Standard = new(StringComparer.Ordinal)
    {
        ["produce-models"] = Value.Bool,
        ["produce-unsat-cores"] = Value.Bool,
        ["produce-unsat-assumptions"] = Value.Bool,
        ["produce-assignments"] = Value.Bool,
        ["produce-proofs"] = Value.Bool,
        ["produce-assertions"] = Value.Bool,
        ["print-success"] = Value.Bool,
        ["random-seed"] = Value.Number,
    };

    // z3's top-level parameters (it reads '-' as '_'), then whole modules of search tuning.
    private static readonly Dictionary<string, Value> Z3 = new(StringComparer.Ordinal)
    {
        ["timeout"] = Value.Number,
        ["model"] = Value.Bool,
        ["model_validate"] = Value.Bool,
        ["auto_config"] = Value.Bool,
        ["proof"] = Value.Bool,
        ["unsat_core"] = Value.Bool,
        ["well_sorted_check"] = Value.Bool,
        ["type_check"] = Value.Bool,
    };

    private static readonly string[] Z3Modules = ["smt.", "sat.", "nlsat.", "rewriter.", "fp.", "model."];

    // Fragments of every option name (either solver) that writes files, redirects or adds output, or
    // multiplies the resources a goal takes: cvc5's regular-output-channel, z3's trace_file_name,
    // dot_proof_file, dump_models, sat.drat.file, smt.qi.profile, pp.*, memory_max_size, sat.threads...
    private static readonly string[] Dangerous =
    [
        "file", "channel", "dump", "output", "out-", "trace", "print", "pp.", "verbos", "stat", "profile",
        "debug", "diagnostic", "thread", "parallel", "memory", "interactive", "global", "incremental", "lang",
    ];

    /// <summary>Switches that only turn on solver diagnostics: dropped from a theorem rather than refused.</summary>
    private static readonly HashSet<string> DiagnosticSwitches = new(StringComparer.Ordinal) { "trace" };

    public static (Verdict Verdict, string? Why) Judge(SList command)
    {
        if (command.Items is not [_, SAtom { IsKeyword: true } keyword, var value])
            return (Verdict.Forbidden, "set-option takes one :keyword and one value");
        var name = keyword.Text[1..];
        var z3Name = name.Replace('-', '_');
        if (DiagnosticSwitches.Contains(z3Name) && IsBool(value))
            return (Verdict.Ignored, $"{keyword.Text} only switches on solver tracing, which the prover never does");
        if (name != "print-success" &&
            Dangerous.FirstOrDefault(d => z3Name.Contains(d.Replace('-', '_'), StringComparison.OrdinalIgnoreCase)) is { } fragment)
            return (Verdict.Forbidden,
                $"{keyword.Text} is refused ('{fragment}'): options that name files or output channels, or switch on traces, dumps, statistics, extra output or threads, never reach a solver");

        Value? kind;
        if (Standard.TryGetValue(name, out var standard)) kind = standard;
        else if (Z3.TryGetValue(z3Name, out var z3)) kind = z3;
        else if (Z3Modules.Any(m => z3Name.StartsWith(m, StringComparison.Ordinal) && z3Name.Length > m.Length)) kind = null;
        else return (Verdict.Forbidden, $"{keyword.Text} is not on the allow-list of options (see README, SMT-LIB scripts)");
        return kind switch
        {
            Value.Bool when !IsBool(value) => (Verdict.Forbidden, $"{keyword.Text} takes true or false"),
            Value.Number when !IsBoundedNumeral(value) => (Verdict.Forbidden, $"{keyword.Text} takes a numeral no larger than {uint.MaxValue}"),
            null when !IsBool(value) && !IsBoundedNumeral(value) && !IsShortDecimal(value) =>
                (Verdict.Forbidden, $"{keyword.Text} may only be given true, false or a number"),
            _ => (Verdict.Allowed, null),
        };
    }

    private static bool IsBool(SExpr value) => value is SSymbol { Name: "true" or "false" };

    private static bool IsBoundedNumeral(SExpr value) =>
        value is SAtom { IsNumeral: true } n && n.Text.Length <= 10 && BigInteger.Parse(n.Text) <= uint.MaxValue;

    private static bool IsShortDecimal(SExpr value) =>
        value is SAtom { IsKeyword: false } d && d.Text.Length <= 20 && d.Text.All(c => char.IsAsciiDigit(c) || c == '.');
}

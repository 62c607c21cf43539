using System.Text;
using System.Text.RegularExpressions;

namespace Hms.Proving.Solvers;

/// <summary>
/// z3 4.8.x: "-in -smt2" reads stdin interactively. (reset) clears assertions but not options
/// (timeout, produce-models, parallel.enable, pp.* all survive), hence the explicit preamble.
/// </summary>
internal sealed partial class Z3Dialect : SolverDialect
{
    public static readonly Z3Dialect Instance = new();

    private Z3Dialect()
    {
    }

    public override SolverKind Kind => SolverKind.Z3;
    public override string Name => "z3";
    public override IReadOnlyList<string> Arguments { get; } = ["-in", "-smt2"];

    public override string Preamble(SolverRequest request, ScriptInspection script)
    {
        var preamble = new StringBuilder();
        preamble.Append("(reset)\n");
        // 4294967295 is z3's "no limit" default; it must be written back because the option survives (reset).
        preamble.Append($"(set-option :timeout {SoftLimitMs(request.Timeout) ?? uint.MaxValue})\n");
        preamble.Append("(set-option :produce-models true)\n");
        preamble.Append($"(set-option :produce-unsat-cores {(request.WantUnsatCore ? "true" : "false")})\n");
        return preamble.ToString();
    }

    // pp.decimal prints root-obj values as "1.4142135623?"; it is switched off again because it would also
    // turn exact rationals like 1/3 into rounded decimals for later goals on this process.
    public override string? DecimalValuesQuery(string quotedVariables) =>
        "(set-option :pp.decimal true)\n(set-option :pp.decimal_precision 20)\n" +
        $"(get-value ({quotedVariables}))\n(set-option :pp.decimal false)\n";

    protected override Regex ErrorPosition => Position();
    protected override int FirstLineNumber => 1;

    [GeneratedRegex(@"line (?<line>\d+) column (?<column>\d+)")]
    private static partial Regex Position();
}

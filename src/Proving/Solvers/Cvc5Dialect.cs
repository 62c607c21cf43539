using System.Text;
using System.Text.RegularExpressions;

namespace Hms.Proving.Solvers;

/// <summary>
/// cvc5 1.0.x: "--lang smt2 --incremental" answers each line as it arrives on a pipe, no extra flag needed.
/// (reset) restores every option. It exits after most errors, so a process that reported one is not reused.
/// </summary>
internal sealed partial class Cvc5Dialect : SolverDialect
{
    public static readonly Cvc5Dialect Instance = new();

    private Cvc5Dialect()
    {
    }

    public override SolverKind Kind => SolverKind.Cvc5;
    public override string Name => "cvc5";
    public override IReadOnlyList<string> Arguments { get; } = ["--lang", "smt2", "--incremental"];

    public override string Preamble(SolverRequest request, ScriptInspection script)
    {
        var preamble = new StringBuilder();
        preamble.Append("(reset)\n");
        preamble.Append("(set-option :produce-models true)\n");
        if (request.WantUnsatCore)
            preamble.Append("(set-option :produce-unsat-cores true)\n");
        if (SoftLimitMs(request.Timeout) is { } ms)
            preamble.Append($"(set-option :tlimit-per {ms})\n");
        // Without a logic cvc5 warns on stderr for every goal; ALL is what it would pick anyway.
        if (!script.HasSetLogic)
            preamble.Append("(set-logic ALL)\n");
        return preamble.ToString();
    }

    // cvc5 has no decimal printing; approximations come from the isolating interval it prints instead.
    public override string? DecimalValuesQuery(string quotedVariables) => null;

    protected override Regex ErrorPosition => Position();

    // cvc5 1.0.3 prints "<stdin>:10.12" for column 12 of the 11th line of input.
    protected override int FirstLineNumber => 0;

    [GeneratedRegex(@"<stdin>:(?<line>\d+)\.(?<column>\d+)")]
    private static partial Regex Position();
}

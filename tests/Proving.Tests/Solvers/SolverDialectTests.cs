using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class SolverDialectTests
{
    [Fact]
    public void Z3_error_lines_are_made_relative_to_the_script()
    {
        // z3 numbers lines from 1 across the whole session; the script started on line 105.
        var message = Z3Dialect.Instance.RelocateError("line 107 column 11: unknown constant y", 105, 4);

        Assert.Equal("line 3 column 11: unknown constant y", message);
    }

    [Fact]
    public void Cvc5_error_lines_are_made_relative_to_the_script()
    {
        // cvc5 1.0.3 numbers lines from 0: "<stdin>:10.12" is the 11th line.
        var message = Cvc5Dialect.Instance.RelocateError("Parse Error: <stdin>:10.12: Symbol y is not declared.", 9, 5);

        Assert.Equal("Parse Error: line 3 column 12: Symbol y is not declared.", message);
    }

    [Fact]
    public void Positions_outside_the_script_are_left_alone()
    {
        Assert.Equal("line 2 column 1: x", Z3Dialect.Instance.RelocateError("line 2 column 1: x", 105, 4));
    }

    [Fact]
    public void Preambles_reset_then_set_every_option_the_pool_relies_on()
    {
        var request = new SolverRequest("(assert true)", TimeSpan.FromSeconds(2), [], WantUnsatCore: false);
        var script = ScriptInspection.Inspect(request.Script);

        var z3 = Z3Dialect.Instance.Preamble(request, script);
        var cvc5 = Cvc5Dialect.Instance.Preamble(request, script);

        Assert.StartsWith("(reset)\n", z3);
        Assert.Contains("(set-option :timeout 2000)", z3);
        // z3 keeps options across (reset), so unsat cores must be switched off explicitly.
        Assert.Contains("(set-option :produce-unsat-cores false)", z3);
        Assert.StartsWith("(reset)\n", cvc5);
        Assert.Contains("(set-option :tlimit-per 2000)", cvc5);
        Assert.Contains("(set-logic ALL)", cvc5);
    }
}

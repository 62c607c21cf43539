using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class ScriptInspectionTests
{
    [Fact]
    public void A_plain_script_passes_and_reports_logic_and_options()
    {
        var plain = ScriptInspection.Inspect("(declare-const x Int)\n(assert (> x 0))");
        var custom = ScriptInspection.Inspect("(set-logic QF_LIA)(set-option :smt.random_seed 3)(push 1)(assert true)(pop 1)");

        Assert.Equal((false, false, null), (plain.HasSetLogic, plain.SetsOptions, plain.Problem));
        Assert.Equal((true, true, null), (custom.HasSetLogic, custom.SetsOptions, custom.Problem));
        Assert.Equal("(declare-const x Int)\n(assert (> x 0))\n", plain.Text);
        Assert.Equal("(set-logic QF_LIA)\n(set-option :smt.random_seed 3)\n(push 1)\n(assert true)\n(pop 1)\n", custom.Text);
    }

    [Theory]
    [InlineData("(assert true)\n(check-sat)", "line 2:1: (check-sat ...) is not allowed")]
    [InlineData("(get-model)", "(get-model ...) is not allowed")]
    [InlineData("(echo \"sat\")", "(echo ...) is not allowed")]
    [InlineData("(exit)", "(exit ...) is not allowed")]
    [InlineData("(include \"/etc/passwd\")", "(include ...) is not allowed")]
    [InlineData("(set-option :regular-output-channel \"/tmp/x\")", "line 1:1: (set-option :regular-output-channel ...) is not allowed")]
    [InlineData("(set-option :trace_file_name |/tmp/x|)", "is refused ('file')")]
    [InlineData("(set-option :trace true)", ":trace only switches on solver tracing")]
    [InlineData("(set-option :random-seed |7|)", "takes a numeral")]
    [InlineData("(set-option :timeout 99999999999)", "takes a numeral no larger than 4294967295")]
    [InlineData("(set-option :no-such-option true)", "not on the allow-list")]
    [InlineData("(push 100000)", "takes no argument or a numeral up to 1000")]
    [InlineData("(reset)", "(reset ...) is not allowed")]
    [InlineData("(declare-const |A\\| B |Int)", "backslash is not allowed")]
    [InlineData("sat", "expected a command")]
    [InlineData("(assert (> x 0)", "script: line 1:1: unbalanced '('")]
    public void Scripts_that_would_break_the_conversation_are_refused(string script, string expected)
    {
        var problem = ScriptInspection.Inspect(script).Problem;

        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }
}

using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class ScriptInspectionTests
{
    [Fact]
    public void A_plain_script_passes_and_reports_logic_and_options()
    {
        var plain = ScriptInspection.Inspect("(declare-const x Int)\n(assert (> x 0))");
        var custom = ScriptInspection.Inspect("(set-logic QF_LIA)(set-option :smt.random_seed 3)(push 1)(assert true)(pop 1)");

        Assert.Equal(new ScriptInspection(false, false, 2, null), plain);
        Assert.Equal(new ScriptInspection(true, true, 1, null), custom);
    }

    [Theory]
    [InlineData("(assert true)\n(check-sat)", "line 2:1: (check-sat ...) is not allowed")]
    [InlineData("(get-model)", "(get-model ...) is not allowed")]
    [InlineData("(echo \"sat\")", "(echo ...) is not allowed")]
    [InlineData("(exit)", "(exit ...) is not allowed")]
    [InlineData("(include \"/etc/passwd\")", "(include ...) is not allowed")]
    [InlineData("(set-option :regular-output-channel \"/tmp/x\")", "set-option with a string value")]
    [InlineData("sat", "expected a command")]
    [InlineData("(assert (> x 0)", "script: line 1:1: unbalanced '('")]
    public void Scripts_that_would_break_the_conversation_are_refused(string script, string expected)
    {
        var problem = ScriptInspection.Inspect(script).Problem;

        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }
}

using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class SolverResponseTests
{
    [Fact]
    public void An_error_is_found_even_when_z3_prints_a_verdict_after_it()
    {
        var response = SolverResponse.Parse("(error \"line 2 column 11: unknown constant y\")\nsat\n");

        Assert.Equal(["line 2 column 11: unknown constant y"], response.Errors);
        Assert.Equal(SolverStatus.Sat, response.Verdict);
    }

    [Fact]
    public void Multi_line_errors_keep_their_first_line()
    {
        var response = SolverResponse.Parse("(error \"Parse Error: <stdin>:10.12: Symbol y is not declared.\n\n  (assert (> y 2))\n             ^\n\")\n");

        Assert.Equal(["Parse Error: <stdin>:10.12: Symbol y is not declared."], response.Errors);
    }

    [Fact]
    public void Unreadable_output_with_an_error_line_still_counts_as_an_error()
    {
        var response = SolverResponse.Parse("(error \"unknown constant |a\"b|\")\nsat\n");

        Assert.Single(response.Errors);
        Assert.Null(response.Unreadable);
    }

    [Fact]
    public void Unsupported_and_success_are_separated_from_the_answer()
    {
        var response = SolverResponse.Parse("success\nunsupported\nunknown\n");

        Assert.True(response.Unsupported);
        Assert.Equal(SolverStatus.Unknown, response.Verdict);
        Assert.Equal([new SSymbol("unknown")], response.Items);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sat\nunsat\n")]
    [InlineData("WARNING: something\nsat\n")]
    public void Anything_but_exactly_one_verdict_has_no_verdict(string output) =>
        Assert.Null(SolverResponse.Parse(output).Verdict);
}

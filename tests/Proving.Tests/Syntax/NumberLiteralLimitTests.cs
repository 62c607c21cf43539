using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Syntax;

/// <summary>
/// A number literal is bounded in digits: the parser used to accept a literal as long as the formula (1 MiB),
/// and printing such a number for the solver costs minutes of a core.
/// </summary>
public sealed class NumberLiteralLimitTests
{
    private static readonly string Longest = new('7', FormulaLimits.MaxNumberDigits);

    [Fact]
    public void A_literal_at_the_limit_is_read_exactly()
    {
        var tree = (CompareExpr)Parser.Parse($"x = {Longest}");
        Assert.Equal(Longest, ((NumberExpr)tree.Right).Value.ToString());
    }

    [Theory]
    [InlineData("x = {0}7")]
    [InlineData("x = 0.{0}")]
    [InlineData("x = {0}7e-3")]
    public void A_longer_literal_is_an_error_at_its_position(string template)
    {
        var formula = string.Format(template, Longest);
        var error = Assert.Throws<FormulaException>(() => Parser.Parse(formula));
        Assert.Equal(new SourcePosition(4, 1, 5), error.Position);
        Assert.Contains($"the limit is {FormulaLimits.MaxNumberDigits:N0}", error.Reason);
    }

    [Fact]
    public void The_exponent_does_not_count_as_digits() =>
        Assert.Equal(1 + 10_000, ((NumberExpr)((CompareExpr)Parser.Parse("x = 1e10000")).Right).Value.ToString().Length);
}

using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class StrategyParserTests
{
    [Theory]
    [InlineData("z3", Strategy.Z3)]
    [InlineData("Z3", Strategy.Z3)]
    [InlineData("cvc5", Strategy.Cvc5)]
    [InlineData(" CVC5 ", Strategy.Cvc5)]
    [InlineData("Portfolio", Strategy.Portfolio)]
    public void Names_parse_case_insensitively(string text, Strategy expected)
    {
        Assert.Equal(expected, StrategyParser.Parse(text));
        Assert.Equal(text.Trim().ToLowerInvariant(), expected.ToName());
    }

    [Theory]
    [InlineData("yices")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_names_fail_with_the_accepted_ones_listed(string? text)
    {
        var error = Assert.Throws<FormatException>(() => StrategyParser.Parse(text));

        Assert.Contains("expected one of z3, cvc5, portfolio", error.Message);
        Assert.False(StrategyParser.TryParse(text, out _));
    }
}

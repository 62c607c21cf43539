using Hms.Proving.Numbers;
using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class ModelValueParserTests
{
    [Theory]
    [InlineData("3", "3")]
    [InlineData("(- 3)", "-3")]
    [InlineData("1.0", "1")]
    [InlineData("(/ 1.0 2.0)", "1/2")]
    [InlineData("(- (/ 1.0 2.0))", "-1/2")]
    [InlineData("(/ (- 1) 2)", "-1/2")]
    [InlineData("(- (/ 1 2))", "-1/2")]
    [InlineData("0.125", "1/8")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    public void Numbers_in_both_solvers_notations_are_exact(string text, string expected)
    {
        var value = ModelValueParser.TryParseExact(Read(text));

        Assert.Equal(new RationalModelValue(Rational.Parse(expected)), value);
    }

    [Fact]
    public void Booleans_are_read()
    {
        Assert.Equal(new BoolModelValue(true), ModelValueParser.TryParseExact(Read("true")));
        Assert.Equal(new BoolModelValue(false), ModelValueParser.TryParseExact(Read("false")));
    }

    [Theory]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) 1)")]
    [InlineData("(_ real_algebraic_number <1*x^2 + (-2), (5/4, 3/2)>)")]
    public void Algebraic_numbers_are_not_mistaken_for_rationals(string text)
    {
        var value = Read(text);

        Assert.Null(ModelValueParser.TryParseExact(value));
        Assert.True(ModelValueParser.IsAlgebraic(value));
    }

    [Theory]
    [InlineData("1.4142135623?", "1.4142135623")]
    [InlineData("(- 1.4142135623?)", "-1.4142135623")]
    [InlineData("0.5", "0.5")]
    public void Z3_decimal_approximations_lose_only_the_question_mark(string text, string expected) =>
        Assert.Equal(expected, ModelValueParser.TryReadDecimal(Read(text)));

    [Fact]
    public void Cvc5_algebraic_numbers_are_approximated_by_their_interval()
    {
        Assert.Equal("1.375", ModelValueParser.TryApproximateFromInterval("(_ real_algebraic_number <1*x^2 + (-2), (5/4, 3/2)>)"));
        Assert.Equal("-1.375", ModelValueParser.TryApproximateFromInterval("(_ real_algebraic_number <x^2 + (-2), (-3/2, -5/4)>)"));
        Assert.Null(ModelValueParser.TryApproximateFromInterval("(root-obj (+ (^ x 2) (- 2)) 1)"));
    }

    [Theory]
    [InlineData("1/3", 5, "0.33333")]
    [InlineData("-7/2", 3, "-3.5")]
    [InlineData("4", 3, "4")]
    [InlineData("-1/1000", 2, "-0")]
    public void Decimals_are_truncated_to_the_requested_digits(string value, int digits, string expected) =>
        Assert.Equal(expected, ModelValueParser.ToDecimal(Rational.Parse(value), digits));

    private static SExpr Read(string text) => Assert.Single(SExprReader.ParseSolverOutput(text));
}

using Hms.Proving.Numbers;
using Hms.Proving.Search;

namespace Hms.Proving.Tests.Search;

public sealed class RationalSnapperTests
{
    private static Rational R(string text) => Rational.Parse(text);

    [Theory]
    [InlineData("0.3333", "0.3334", "1/3")]
    [InlineData("-0.3334", "-0.3333", "-1/3")]
    [InlineData("2.5", "3.5", "3")]
    [InlineData("-0.1", "0.2", "0")]
    [InlineData("0.142", "0.143", "1/7")]
    [InlineData("0.141", "0.1415", "11/78")]
    [InlineData("7", "7", "7")]
    public void Simplest_is_the_smallest_denominator_in_the_interval(string low, string high, string expected) =>
        Assert.Equal(R(expected), RationalSnapper.Simplest(R(low), R(high)));

    [Fact]
    public void Nearest_is_the_best_approximation_with_a_bounded_denominator()
    {
        Assert.Equal(R("355/113"), RationalSnapper.Nearest(Math.PI, 1000));
        Assert.Equal(R("311/99"), RationalSnapper.Nearest(Math.PI, 100)); // a semiconvergent, closer than 22/7
        Assert.Equal(R("1/10"), RationalSnapper.Nearest(0.1));
        Assert.Equal(R("-2/3"), RationalSnapper.Nearest(-0.6666667));
    }

    [Fact]
    public void Candidates_go_from_simple_to_the_exact_double()
    {
        Assert.Equal([R("0"), R("1"), R("3/4")], RationalSnapper.Candidates(0.75));
        var third = RationalSnapper.Candidates(1.0 / 3);
        Assert.Equal([R("0"), R("1/3"), Rational.FromDouble(1.0 / 3)], third);
        Assert.Equal([R("3"), R("2")], RationalSnapper.Candidates(2.6, Sort.Int));
        Assert.Equal([Rational.One], RationalSnapper.Candidates(0.7, Sort.Bool));
        Assert.Empty(RationalSnapper.Candidates(double.NaN));
    }

    [Fact]
    public void Snapping_a_row_keeps_nearly_equal_values_equal()
    {
        var rows = RationalSnapper.SnapRow([("r", Sort.Real, 0.30000000001), ("g", Sort.Real, 0.3), ("n", Sort.Int, 4.2)]);
        Assert.Equal(R("3/10"), rows[0]["r"]); // the simplest within 1% of 0.3
        // Until the window is narrower than their 1e-11 gap, both snap to the same rational.
        Assert.Equal(R("3/10"), rows[0]["g"]);
        Assert.Equal(rows[0]["r"], rows[0]["g"]);
        Assert.NotEqual(rows[^1]["r"], rows[^1]["g"]);
        Assert.All(rows, row => Assert.Equal(R("4"), row["n"]));
        Assert.Equal(Rational.FromDouble(0.30000000001), rows[^1]["r"]);
    }

    [Fact]
    public void A_row_with_an_undefined_value_has_no_snaps()
    {
        Assert.Empty(RationalSnapper.SnapRow([("x", Sort.Real, double.NaN)]));
    }
}

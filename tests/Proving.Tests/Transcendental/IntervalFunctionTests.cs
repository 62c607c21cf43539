using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;

namespace Hms.Proving.Tests.Transcendental;

/// <summary>The enclosures of exp, log and roots contain the true value and are narrow.</summary>
public sealed class IntervalFunctionTests
{
    private static Interval P(Rational r) => Interval.Point(r);

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("1/3")]
    [InlineData("-7/2")]
    [InlineData("25")]
    [InlineData("-40")]
    public void Exp_encloses_the_double_value_narrowly(string x)
    {
        var r = Rational.Parse(x);
        var e = IntervalFunctions.Exp(P(r), 128)!.Value;
        var expected = Math.Exp(r.ToDouble());
        Assert.True(e.Lo.ToDouble() <= expected * (1 + 1e-15) && expected * (1 - 1e-15) <= e.Hi.ToDouble(), $"{e} vs {expected}");
        Assert.True((e.Hi - e.Lo) <= e.Hi * new Rational(1, 1L << 60), $"too wide: {e}");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("1/3")]
    [InlineData("1000003/7")]
    [InlineData("1/1000")]
    public void Log_encloses_the_double_value_and_inverts_exp(string x)
    {
        var r = Rational.Parse(x);
        var l = IntervalFunctions.Log(P(r), 128)!.Value;
        var expected = Math.Log(r.ToDouble());
        Assert.True(l.Lo.ToDouble() - 1e-15 <= expected && expected <= l.Hi.ToDouble() + 1e-15, $"{l} vs {expected}");
        // exp(log x) must contain x exactly.
        var back = IntervalFunctions.Exp(l, 128)!.Value;
        Assert.True(back.Lo <= r && r <= back.Hi, $"exp(log {x}) = {back}");
    }

    [Fact]
    public void Log_of_zero_or_less_is_not_enclosed() =>
        Assert.Null(IntervalFunctions.Log(new Interval(-1, 1), 64));

    [Theory]
    [InlineData("2", 2)]
    [InlineData("4", 2)]
    [InlineData("9/4", 2)]
    [InlineData("10", 3)]
    [InlineData("1/7", 5)]
    public void Roots_are_exact_for_perfect_powers_and_contain_the_root_otherwise(string x, int q)
    {
        var r = Rational.Parse(x);
        var root = IntervalFunctions.Root(P(r), q, 128)!.Value;
        var power = root.Pow(q);
        Assert.True(power.Lo <= r && r <= power.Hi, $"root {root}^{q} = {power} misses {x}");
        if (x is "4" or "9/4") Assert.True(root.IsPoint);
    }

    [Fact]
    public void Exp_laws_hold_for_the_enclosures()
    {
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var a = new Rational(random.Next(-500, 500), random.Next(1, 50));
            var b = new Rational(random.Next(-500, 500), random.Next(1, 50));
            var product = IntervalFunctions.Exp(P(a), 96)!.Value * IntervalFunctions.Exp(P(b), 96)!.Value;
            var sum = IntervalFunctions.Exp(P(a + b), 96)!.Value;
            Assert.False(product.Hi < sum.Lo || sum.Hi < product.Lo, $"exp({a})·exp({b}) = {product} vs exp(a+b) = {sum}");
        }
    }
}

using Hms.Proving.Numbers;
using Hms.Proving.Numbers.Algebraic;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Algebraic;

/// <summary>Root isolation, refinement and the exact root test on real algebraic numbers, and z3's root-obj text.</summary>
public sealed class RealAlgebraicTests
{
    private static RealAlgebraic Root(string text)
    {
        var (value, error) = RootObjReader.TryRead(text);
        Assert.True(value is not null, error);
        return value!;
    }

    private static string Refused(string text)
    {
        var (value, error) = RootObjReader.TryRead(text);
        Assert.Null(value);
        Assert.NotNull(error);
        return error!;
    }

    private static Polynomial P(params int[] lowestFirst) => new(lowestFirst.Select(c => (Rational)c));

    private static double Approx(RealAlgebraic a)
    {
        var (lo, hi) = a.Enclosure(80);
        return ((lo + hi) / 2).ToDouble();
    }

    [Fact]
    public void Sqrt_2_is_the_second_root_of_x2_minus_2_and_refines_to_any_precision()
    {
        var positive = Root("(root-obj (+ (^ x 2) (- 2)) 2)");
        var negative = Root("(root-obj (+ (^ x 2) (- 2)) 1)");
        Assert.Equal(Math.Sqrt(2), Approx(positive), 12);
        Assert.Equal(-Math.Sqrt(2), Approx(negative), 12);
        var (lo, hi) = positive.Enclosure(1000);
        Assert.True(lo < hi && lo * lo < 2 && hi * hi > 2);
        Assert.True((hi - lo) * Rational.FromInteger(System.Numerics.BigInteger.One << 999) < 1);
        Assert.Null(positive.Rational);
    }

    [Fact]
    public void A_cube_root_and_every_root_of_one_polynomial_come_in_ascending_order()
    {
        Assert.Equal(Math.Cbrt(3), Approx(Root("(root-obj (+ (^ x 3) (- 3)) 1)")), 12);
        // (x-1)(x-2)(x-3)(x+5) = x^4 - x^3 - 19x^2 + 49x - 30
        var roots = Enumerable.Range(1, 4).Select(k => Approx(Root($"(root-obj (+ (^ x 4) (- (^ x 3)) (* (- 19) (^ x 2)) (* 49 x) (- 30)) {k})"))).ToList();
        Assert.Equal([-5.0, 1.0, 2.0, 3.0], roots.Select(r => Math.Round(r, 9)));
        Assert.Contains("outside 1..4", Refused("(root-obj (+ (^ x 4) (- (^ x 3)) (* (- 19) (^ x 2)) (* 49 x) (- 30)) 5)"));
    }

    [Fact]
    public void A_rational_root_is_found_to_be_rational()
    {
        // A root of a reducible polynomial may be rational: its isolating interval need not say so, the root test does.
        var two = Root("(root-obj (+ (^ x 2) (- 4)) 2)");
        Assert.True(two.IsRootOf(P(-2, 1)));
        Assert.False(two.IsRootOf(P(2, 1)));
        Assert.True(Root("(root-obj (+ (^ x 2) (* (- 3) x) 2) 1)").IsRootOf(P(-1, 1)));
        Assert.Equal((Rational)3, Root("(root-obj (* 2 (+ x (- 3))) 1)").Rational);
    }

    [Fact]
    public void Repeated_roots_count_once()
    {
        // (x^2 - 2)^3 (x - 1)^2: distinct roots -√2, 1, √2.
        var p = Polynomial.One;
        for (var i = 0; i < 3; i++) p *= P(-2, 0, 1);
        p = p * P(-1, 1) * P(-1, 1);
        var (value, error) = RealAlgebraic.TryRoot(p, 3);
        Assert.True(value is not null, error);
        Assert.Equal(Math.Sqrt(2), Approx(value!), 12);
        Assert.Equal(3, value!.Polynomial.Degree); // x^3 - x^2 - 2x + 2
        Assert.Contains("outside 1..3", RealAlgebraic.TryRoot(p, 4).Error);
    }

    [Fact]
    public void Close_roots_with_huge_coefficients_within_the_limits_are_separated()
    {
        // (x - a)(x - a - 2^-200) with a = 10^30: two roots 2^-200 apart.
        var a = Rational.FromInteger(System.Numerics.BigInteger.Pow(10, 30));
        var eps = new Rational(1, System.Numerics.BigInteger.One << 200);
        var p = new Polynomial([-a, Rational.One]) * new Polynomial([-(a + eps), Rational.One]);
        var (low, _) = RealAlgebraic.TryRoot(p, 1);
        var (high, _) = RealAlgebraic.TryRoot(p, 2);
        Assert.True(low!.IsRootOf(new Polynomial([-a, Rational.One])));
        Assert.True(high!.IsRootOf(new Polynomial([-(a + eps), Rational.One])));
        Assert.False(high.IsRootOf(new Polynomial([-a, Rational.One])));
        Assert.False(low.SameAs(high));
    }

    [Fact]
    public void The_exact_root_test_tells_zero_from_tiny()
    {
        var sqrt2 = Root("(root-obj (+ (^ x 2) (- 2)) 2)");
        Assert.True(sqrt2.IsRootOf(P(-2, 0, 1)));               // x^2 - 2
        Assert.True(sqrt2.IsRootOf(P(-4, 0, 0, 0, 1)));         // x^4 - 4
        Assert.False(sqrt2.IsRootOf(P(2, 1)));                  // x + 2
        Assert.False(sqrt2.IsRootOf(P(-2, 0, 1) + Polynomial.Constant(new Rational(1, System.Numerics.BigInteger.Pow(10, 300)))));
        Assert.False(sqrt2.IsRootOf(P(-2, 0, 1) * P(0, 1) + P(1)));  // x^3 - 2x + 1 (root 1, not √2)
        Assert.True(sqrt2.SameAs(Root("(root-obj (+ (^ x 4) (- 4)) 2)")));
        Assert.False(sqrt2.SameAs(Root("(root-obj (+ (^ x 2) (- 2)) 1)")));
    }

    [Theory]
    [InlineData("(root-obj 0 1)", "zero")]
    [InlineData("(root-obj (- (^ x 2) (^ x 2)) 1)", "zero")]
    [InlineData("(root-obj 5 1)", "constant")]
    [InlineData("(root-obj (+ (^ x 2) 1) 1)", "outside 1..0")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) 0)", "outside 1..2")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) -1)", "not a small natural number")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) 99999999999999999999)", "not a small natural number")]
    [InlineData("(root-obj (^ x 1000000000) 1)", "exponent")]
    [InlineData("(root-obj (^ (^ (^ x 50) 50) 50) 1)", "degree")]
    [InlineData("(root-obj (* (^ x 90) (^ x 90)) 1)", "degree")]
    [InlineData("(root-obj (+ (^ y 2) (- 2)) 1)", "not a polynomial in x")]
    [InlineData("(root-obj (+ (^ x y) (- 2)) 1)", "not a polynomial in x")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)))", "root-obj")]
    [InlineData("(_ real_algebraic_number <1*x^2 + (-2), (5/4, 3/2)>)", "root-obj")]
    public void Hostile_or_broken_root_objs_are_refused_with_a_reason(string text, string reason)
    {
        Assert.Contains(reason, Refused(text));
    }

    [Fact]
    public void Coefficient_and_nesting_bombs_are_refused_quickly()
    {
        var huge = System.Numerics.BigInteger.Pow(10, 400).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("bits", Refused($"(root-obj (+ (^ x 2) (- {huge})) 1)"));
        var nested = string.Concat(Enumerable.Repeat("(+ ", 200)) + "x" + string.Concat(Enumerable.Repeat(" 1)", 200));
        Assert.Contains("nests", Refused($"(root-obj {nested} 1)"));
        // A degree-24 polynomial with 24 real roots (within the limits) is still isolated.
        var p = Polynomial.One;
        for (var i = 1; i <= 24; i++) p *= P(-i, 1);
        Assert.True(RealAlgebraic.TryRoot(p, 24).Value!.IsRootOf(P(-24, 1)));
        Assert.Contains("degree 25", RealAlgebraic.TryRoot(p * P(-25, 1), 1).Error);
    }

    [Fact]
    public void A_high_degree_number_is_refined_only_as_far_as_the_work_limit()
    {
        // x^24 - 3: degree 24, so at most 16384/24 = 682 bits, whatever is asked.
        var (value, error) = RealAlgebraic.TryRoot(new Polynomial(Enumerable.Range(0, 25).Select(i => i == 0 ? (Rational)(-3) : i == 24 ? Rational.One : Rational.Zero)), 2);
        Assert.True(value is not null, error);
        var (lo, hi) = value!.Enclosure(4096);
        Assert.True(lo < hi);
        var width = hi - lo;
        Assert.True(width * Rational.FromInteger(System.Numerics.BigInteger.One << 600) < 1, "refined past 600 bits");
        Assert.True(width * Rational.FromInteger(System.Numerics.BigInteger.One << 700) > 1, "refined past the work limit");
    }
}

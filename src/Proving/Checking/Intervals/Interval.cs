using System.Numerics;
using Hms.Proving.Numbers;

namespace Hms.Proving.Checking.Intervals;

/// <summary>
/// A closed interval [Lo, Hi] of rationals that contains the true value of a term. Every operation encloses
/// the exact result and then rounds outward (Lo down, Hi up) to about <c>bits</c> significant bits, so the
/// endpoints stay small while the enclosure stays sound.
/// </summary>
public readonly record struct Interval(Rational Lo, Rational Hi)
{
    public static Interval Point(Rational value) => new(value, value);

    public bool IsPoint => Lo == Hi;

    public bool ContainsZero => Lo.Sign <= 0 && Hi.Sign >= 0;

    public static Interval operator +(Interval a, Interval b) => new(a.Lo + b.Lo, a.Hi + b.Hi);

    public static Interval operator -(Interval a, Interval b) => new(a.Lo - b.Hi, a.Hi - b.Lo);

    public static Interval operator -(Interval a) => new(-a.Hi, -a.Lo);

    public static Interval operator *(Interval a, Interval b)
    {
        var (p, q, r, t) = (a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi);
        return new(Min(Min(p, q), Min(r, t)), Max(Max(p, q), Max(r, t)));
    }

    /// <summary>1/x for an interval without 0.</summary>
    public Interval Reciprocal()
    {
        if (ContainsZero) throw new InvalidOperationException("reciprocal of an interval containing 0");
        return new(Rational.One / Hi, Rational.One / Lo);
    }

    public Interval Abs() =>
        Lo.Sign >= 0 ? this : Hi.Sign <= 0 ? -this : new(Rational.Zero, Max(-Lo, Hi));

    /// <summary>x^n for n ≥ 0 (an even power of an interval around 0 starts at 0).</summary>
    public Interval Pow(int n)
    {
        if (n == 0) return Point(Rational.One);
        if (n % 2 == 1 || Lo.Sign >= 0) return new(Lo.Pow(n), Hi.Pow(n)); // monotone increasing there
        if (Hi.Sign <= 0) return new(Hi.Pow(n), Lo.Pow(n));
        return new(Rational.Zero, Max(-Lo, Hi).Pow(n));
    }

    public static Interval Min(Interval a, Interval b) => new(Min(a.Lo, b.Lo), Min(a.Hi, b.Hi));

    public static Interval Max(Interval a, Interval b) => new(Max(a.Lo, b.Lo), Max(a.Hi, b.Hi));

    private static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    private static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    /// <summary>Rounds outward to about <paramref name="bits"/> significant bits.</summary>
    public Interval Round(int bits) => new(Down(Lo, bits), Up(Hi, bits));

    /// <summary>The largest dyadic number with about <paramref name="bits"/> significant bits that is ≤ v.</summary>
    public static Rational Down(Rational v, int bits)
    {
        if (v.Numerator.GetBitLength() <= 2L * bits && v.Denominator.GetBitLength() <= 2L * bits) return v;
        var scale = bits - (int)(v.Numerator.GetBitLength() - v.Denominator.GetBitLength());
        var scaled = scale >= 0
            ? new Rational(v.Numerator << scale, v.Denominator)
            : new Rational(v.Numerator, v.Denominator << -scale);
        var floor = scaled.Floor();
        return scale >= 0 ? new Rational(floor, BigInteger.One << scale) : new Rational(floor << -scale, BigInteger.One);
    }

    public static Rational Up(Rational v, int bits) => -Down(-v, bits);

    public override string ToString() => IsPoint ? Lo.ToString() : $"[{Lo.ToDouble():G6}, {Hi.ToDouble():G6}]";
}

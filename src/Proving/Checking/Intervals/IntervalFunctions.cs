using System.Numerics;
using Hms.Proving.Numbers;

namespace Hms.Proving.Checking.Intervals;

/// <summary>
/// Enclosures of exp, log and q-th roots over rational intervals, each from a series or an integer root with
/// a proven error bound, rounded outward. The functions are monotone increasing, so f([a, b]) is enclosed by
/// [lower bound of f(a), upper bound of f(b)]. Null where no enclosure is attempted (an argument too large).
/// </summary>
public static class IntervalFunctions
{
    /// <summary>exp is enclosed only for |x| up to this (exp(2000) has about 2,900 bits).</summary>
    public const int MaxExpArgument = 2000;

    public static Interval? Exp(Interval x, int bits)
    {
        if (x.Lo < -MaxExpArgument || x.Hi > MaxExpArgument) return null;
        var lo = ExpPoint(x.Lo, bits).Lo;
        var hi = ExpPoint(x.Hi, bits).Hi;
        return new Interval(lo, hi).Round(bits);
    }

    /// <summary>log x for x &gt; 0; null when the interval reaches 0 or below.</summary>
    public static Interval? Log(Interval x, int bits)
    {
        if (x.Lo.Sign <= 0) return null;
        return new Interval(LogPoint(x.Lo, bits).Lo, LogPoint(x.Hi, bits).Hi).Round(bits);
    }

    /// <summary>The q-th root (q ≥ 2) of x ≥ 0; null when the interval reaches below 0.</summary>
    public static Interval? Root(Interval x, int q, int bits)
    {
        if (x.Lo.Sign < 0) return null;
        return new Interval(RootPoint(x.Lo, q, bits).Lo, RootPoint(x.Hi, q, bits).Hi);
    }

    /// <summary>
    /// exp(r): with t = r/2^k and |t| ≤ 1/4, exp(t) = Σ_{n≤N} t^n/n! + R with |R| ≤ 2|t|^(N+1)/(N+1)!
    /// (the tail is at most its first term times Σ 4^-j); then exp(r) = exp(t)^(2^k) by k squarings.
    /// </summary>
    private static Interval ExpPoint(Rational r, int bits)
    {
        if (r.IsZero) return Interval.Point(Rational.One);
        var k = 0;
        var magnitude = r.Abs();
        while (magnitude > new Rational(1, 4))
        {
            magnitude /= 2;
            k++;
        }
        var work = bits + k + 16;
        var t = Interval.Point(r / Rational.FromInteger(BigInteger.One << k)).Round(work);
        var sum = Interval.Point(Rational.One);
        var term = Interval.Point(Rational.One);
        var bound = Rational.One; // |t|^n/n! for the largest |t| in the interval
        var tMax = t.Lo.Abs() >= t.Hi.Abs() ? t.Lo.Abs() : t.Hi.Abs();
        var epsilon = new Rational(BigInteger.One, BigInteger.One << work);
        for (var n = 1; ; n++)
        {
            term = (term * t * Interval.Point(new Rational(1, n))).Round(work);
            sum = (sum + term).Round(work);
            bound = Interval.Up(bound * tMax / n, work);
            var tail = 2 * bound * tMax / (n + 1);
            if (tail < epsilon || n > 4 * work)
            {
                sum = (sum + new Interval(-tail, tail)).Round(work);
                break;
            }
        }
        for (var i = 0; i < k; i++) sum = (sum * sum).Round(work);
        return sum;
    }

    /// <summary>
    /// log(x) for x &gt; 0: x = m·2^e with 1 ≤ m &lt; 2, log x = e·log 2 + 2·atanh((m−1)/(m+1)), and
    /// atanh(z) = Σ_{n≤N} z^(2n+1)/(2n+1) + R with 0 ≤ R ≤ z^(2N+3)/((2N+3)(1−z²)) for 0 ≤ z &lt; 1.
    /// </summary>
    private static Interval LogPoint(Rational x, int bits)
    {
        if (x == Rational.One) return Interval.Point(Rational.Zero);
        var e = (int)(x.Numerator.GetBitLength() - x.Denominator.GetBitLength());
        var m = Scale(x, -e);
        while (m >= 2) { m /= 2; e++; }
        while (m < Rational.One) { m *= 2; e--; }
        var work = bits + 16 + (int)Math.Ceiling(Math.Log2(Math.Abs(e) + 1));
        var logM = Interval.Point(2) * Atanh((m - 1) / (m + 1), work);
        if (e == 0) return logM.Round(bits + 8);
        var log2 = Interval.Point(2) * Atanh(new Rational(1, 3), work);
        return (Interval.Point(e) * log2 + logM).Round(work);
    }

    private static Interval Atanh(Rational z, int work)
    {
        if (z.IsZero) return Interval.Point(Rational.Zero);
        var zi = Interval.Point(z).Round(work);
        var z2 = (zi * zi).Round(work);
        var power = zi;
        var sum = Interval.Point(Rational.Zero);
        var epsilon = new Rational(BigInteger.One, BigInteger.One << work);
        var zMax = zi.Hi;
        var zMax2 = zMax * zMax;
        for (var n = 0; ; n++)
        {
            sum = (sum + (power * Interval.Point(new Rational(1, 2 * n + 1))).Round(work)).Round(work);
            power = (power * z2).Round(work);
            // Remainder after the term of degree 2n+1: ≤ zMax^(2n+3)/((2n+3)(1 − zMax²)), all terms ≥ 0.
            var tail = Interval.Up(power.Hi / (2 * n + 3) / (1 - zMax2), work);
            if (tail < epsilon || n > 4 * work)
                return (sum + new Interval(Rational.Zero, tail)).Round(work);
        }
    }

    /// <summary>x^(1/q) for x ≥ 0: with N = ⌊x·2^(qk)⌋ and r = ⌊N^(1/q)⌋, r/2^k ≤ x^(1/q) &lt; (r+1)/2^k.</summary>
    private static Interval RootPoint(Rational x, int q, int bits)
    {
        if (x.IsZero || x == Rational.One) return Interval.Point(x);
        var k = bits + (int)Math.Max(0, (x.Denominator.GetBitLength() + q - 1) / q);
        var scaled = Scale(x, q * k).Floor();
        var r = FloorRoot(scaled, q);
        var unit = BigInteger.One << k;
        // Exact when r^q equals x·2^(qk) exactly.
        if (BigInteger.Pow(r, q) == scaled && Scale(x, q * k).IsInteger) return Interval.Point(new Rational(r, unit));
        return new Interval(new Rational(r, unit), new Rational(r + 1, unit));
    }

    /// <summary>⌊n^(1/q)⌋ for n ≥ 0, by Newton's method on integers from above.</summary>
    internal static BigInteger FloorRoot(BigInteger n, int q)
    {
        if (n.Sign <= 0) return BigInteger.Zero;
        if (n.IsOne) return BigInteger.One;
        var x = BigInteger.One << (int)((n.GetBitLength() + q - 1) / q);
        while (true)
        {
            var y = ((q - 1) * x + n / BigInteger.Pow(x, q - 1)) / q;
            if (y >= x) break;
            x = y;
        }
        while (BigInteger.Pow(x, q) > n) x--;
        while (BigInteger.Pow(x + 1, q) <= n) x++;
        return x;
    }

    private static Rational Scale(Rational x, int shift) => shift >= 0
        ? new Rational(x.Numerator << shift, x.Denominator)
        : new Rational(x.Numerator, x.Denominator << -shift);
}

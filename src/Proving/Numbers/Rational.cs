using System.Globalization;
using System.Numerics;

namespace Hms.Proving.Numbers;

/// <summary>
/// An exact rational number p/q in lowest terms with q &gt; 0. Counterexamples are checked with it,
/// so it never rounds: a verdict must not depend on floating point.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One, normalized: true);
    public static readonly Rational One = new(BigInteger.One, BigInteger.One, normalized: true);

    private Rational(BigInteger numerator, BigInteger denominator, bool normalized)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
            throw new DivideByZeroException("rational with a zero denominator");
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }
        Numerator = numerator;
        // default(Rational) has a zero denominator; every constructed value has q >= 1.
        Denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public static Rational FromInteger(BigInteger value) => new(value, BigInteger.One, normalized: true);

    public bool IsInteger => Denominator.IsOne || Denominator.IsZero;
    public bool IsZero => Numerator.IsZero;
    public int Sign => Numerator.Sign;

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Den + b.Numerator * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Den - b.Numerator * a.Den, a.Den * b.Den);
    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Den * b.Den);
    public static Rational operator /(Rational a, Rational b) =>
        b.IsZero ? throw new DivideByZeroException("division by zero") : new(a.Numerator * b.Den, a.Den * b.Numerator);
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Den, normalized: true);

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static implicit operator Rational(int value) => FromInteger(value);
    public static implicit operator Rational(BigInteger value) => FromInteger(value);

    // default(Rational) is zero with a zero denominator; treat it as 0/1 everywhere.
    private BigInteger Den => Denominator.IsZero ? BigInteger.One : Denominator;

    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>this^exponent for an integer exponent; a negative exponent inverts (throws on 0).</summary>
    public Rational Pow(int exponent)
    {
        if (exponent < 0)
            return One / Pow(-exponent);
        return new(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Den, exponent), normalized: true);
    }

    /// <summary>The largest integer not above this value.</summary>
    public BigInteger Floor()
    {
        var q = BigInteger.DivRem(Numerator, Den, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    public double ToDouble()
    {
        // Scale down huge operands before converting so that the ratio stays finite.
        var n = Numerator;
        var d = Den;
        var shift = Math.Max(0L, Math.Max((long)n.GetBitLength(), (long)d.GetBitLength()) - 1000);
        if (shift > 0)
        {
            n >>= (int)shift;
            d >>= (int)shift;
            if (d.IsZero) return n.Sign * double.PositiveInfinity;
        }
        return (double)n / (double)d;
    }

    /// <summary>Exact value of a finite double (every double is a dyadic rational).</summary>
    public static Rational FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), "not a finite number");
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (exponent > 0) num <<= exponent; else den <<= -exponent;
        return new Rational(negative ? -num : num, den);
    }

    /// <summary>
    /// Parses "12", "-3", "0.25", "1e-3", "2.5E4" and "p/q" exactly.
    /// </summary>
    public static bool TryParse(string text, out Rational value)
    {
        value = Zero;
        text = text.Trim();
        if (text.Length == 0) return false;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParse(text[..slash], out var p) || !TryParse(text[(slash + 1)..], out var q) || q.IsZero)
                return false;
            value = p / q;
            return true;
        }
        var negative = false;
        var i = 0;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }
        var exponentAt = text.IndexOfAny(['e', 'E'], i);
        var mantissa = exponentAt >= 0 ? text[i..exponentAt] : text[i..];
        var exponent = 0;
        if (exponentAt >= 0 &&
            !int.TryParse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            return false;
        if (Math.Abs(exponent) > 10_000) return false;
        var dot = mantissa.IndexOf('.');
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        if (dot >= 0) exponent -= mantissa.Length - dot - 1;
        var n = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (negative) n = -n;
        value = exponent >= 0
            ? new Rational(n * BigInteger.Pow(10, exponent), BigInteger.One)
            : new Rational(n, BigInteger.Pow(10, -exponent));
        return true;
    }

    public static Rational Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a number");

    public bool Equals(Rational other) => Numerator == other.Numerator && Den == other.Den;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Numerator, Den);
    public int CompareTo(Rational other) => (Numerator * other.Den).CompareTo(other.Numerator * Den);

    /// <summary>"3", "-1/2": the exact text a user can re-check.</summary>
    public override string ToString() =>
        Den.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture)
                  : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Den.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>SMT-LIB 2 literal for a Real sort: 3.0, (- 3.0), (/ 1.0 2.0).</summary>
    public string ToSmtReal()
    {
        static string Nat(BigInteger v) => v.ToString(CultureInfo.InvariantCulture) + ".0";
        var magnitude = Den.IsOne ? Nat(BigInteger.Abs(Numerator)) : $"(/ {Nat(BigInteger.Abs(Numerator))} {Nat(Den)})";
        return Numerator.Sign < 0 ? $"(- {magnitude})" : magnitude;
    }

    /// <summary>SMT-LIB 2 literal for an Int sort (the value must be an integer).</summary>
    public string ToSmtInt()
    {
        if (!IsInteger) throw new InvalidOperationException($"{this} is not an integer");
        var magnitude = BigInteger.Abs(Numerator).ToString(CultureInfo.InvariantCulture);
        return Numerator.Sign < 0 ? $"(- {magnitude})" : magnitude;
    }
}

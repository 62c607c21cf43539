using System.Numerics;

namespace Hms.Proving.Numbers.Algebraic;

/// <summary>
/// A univariate polynomial with exact rational coefficients, lowest degree first, without trailing zeros (the
/// zero polynomial has none). Immutable; the arithmetic real algebraic numbers need and nothing more.
/// </summary>
public sealed class Polynomial
{
    private readonly Rational[] coefficients;

    public Polynomial(IEnumerable<Rational> lowestFirst)
    {
        var list = lowestFirst.ToList();
        while (list.Count > 0 && list[^1].IsZero) list.RemoveAt(list.Count - 1);
        coefficients = [.. list];
    }

    public static readonly Polynomial Zero = new([]);
    public static readonly Polynomial One = Constant(Rational.One);

    /// <summary>The polynomial x.</summary>
    public static readonly Polynomial X = new([Rational.Zero, Rational.One]);

    public static Polynomial Constant(Rational c) => new([c]);

    /// <summary>-1 for the zero polynomial.</summary>
    public int Degree => coefficients.Length - 1;

    public bool IsZero => coefficients.Length == 0;

    public Rational this[int power] => power < coefficients.Length ? coefficients[power] : Rational.Zero;

    public Rational Leading => IsZero ? Rational.Zero : coefficients[^1];

    /// <summary>The largest bit size of a coefficient's numerator or denominator.</summary>
    public long CoefficientBits => coefficients.Length == 0 ? 0
        : coefficients.Max(c => Math.Max(BigInteger.Abs(c.Numerator).GetBitLength(), c.Denominator.GetBitLength()));

    public static Polynomial operator +(Polynomial a, Polynomial b) =>
        new(Enumerable.Range(0, Math.Max(a.coefficients.Length, b.coefficients.Length)).Select(i => a[i] + b[i]));

    public static Polynomial operator -(Polynomial a) => new(a.coefficients.Select(c => -c));

    public static Polynomial operator -(Polynomial a, Polynomial b) => a + -b;

    public static Polynomial operator *(Polynomial a, Polynomial b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        var product = new Rational[a.coefficients.Length + b.coefficients.Length - 1];
        for (var i = 0; i < product.Length; i++) product[i] = Rational.Zero;
        for (var i = 0; i < a.coefficients.Length; i++)
            for (var j = 0; j < b.coefficients.Length; j++)
                product[i + j] += a.coefficients[i] * b.coefficients[j];
        return new(product);
    }

    public Polynomial Scale(Rational factor) => new(coefficients.Select(c => c * factor));

    /// <summary>The same roots with leading coefficient 1 (zero stays zero).</summary>
    public Polynomial Monic() => IsZero ? this : Scale(Rational.One / Leading);

    public Polynomial Derivative() => new(coefficients.Skip(1).Select((c, i) => c * (i + 1)));

    /// <summary>Quotient and remainder of division by a non-zero <paramref name="divisor"/>.</summary>
    public (Polynomial Quotient, Polynomial Remainder) DivRem(Polynomial divisor)
    {
        if (divisor.IsZero) throw new DivideByZeroException("division by the zero polynomial");
        var remainder = coefficients.ToArray();
        var quotient = new Rational[Math.Max(0, Degree - divisor.Degree + 1)];
        for (var i = 0; i < quotient.Length; i++) quotient[i] = Rational.Zero;
        for (var shift = Degree - divisor.Degree; shift >= 0; shift--)
        {
            var factor = remainder[shift + divisor.Degree] / divisor.Leading;
            if (factor.IsZero) continue;
            quotient[shift] = factor;
            for (var j = 0; j <= divisor.Degree; j++) remainder[shift + j] -= factor * divisor.coefficients[j];
        }
        return (new(quotient), new(remainder.Take(Math.Max(0, divisor.Degree))));
    }

    public Polynomial Mod(Polynomial divisor) => DivRem(divisor).Remainder;

    /// <summary>The monic greatest common divisor (zero only when both are zero).</summary>
    public static Polynomial Gcd(Polynomial a, Polynomial b)
    {
        while (!b.IsZero) (a, b) = (b, a.Mod(b).Monic());
        return a.Monic();
    }

    /// <summary>The product of the distinct irreducible factors: the same roots, each simple.</summary>
    public Polynomial SquareFree()
    {
        if (Degree <= 0) return Monic();
        return DivRem(Gcd(this, Derivative())).Quotient.Monic();
    }

    /// <summary>The exact value at <paramref name="x"/> (Horner).</summary>
    public Rational Evaluate(Rational x)
    {
        var value = Rational.Zero;
        for (var i = coefficients.Length - 1; i >= 0; i--) value = value * x + coefficients[i];
        return value;
    }

    /// <summary>Sign of the value at <paramref name="x"/>.</summary>
    public int SignAt(Rational x) => Evaluate(x).Sign;

    /// <summary>
    /// Cauchy's bound: every real root r has |r| &lt; 1 + max |a_i / a_n|, rounded up to an integer.
    /// </summary>
    public Rational RootBound()
    {
        var max = Rational.Zero;
        for (var i = 0; i < Degree; i++)
        {
            var ratio = (coefficients[i] / Leading).Abs();
            if (ratio > max) max = ratio;
        }
        return Rational.FromInteger(max.Floor() + 2);
    }

    public override string ToString()
    {
        if (IsZero) return "0";
        var terms = new List<string>();
        for (var i = Degree; i >= 0; i--)
        {
            if (coefficients[i].IsZero) continue;
            var power = i switch { 0 => "", 1 => "x", _ => $"x^{i}" };
            terms.Add(i == 0 ? coefficients[i].ToString() : coefficients[i] == Rational.One ? power : $"{coefficients[i]}*{power}");
        }
        return string.Join(" + ", terms);
    }
}

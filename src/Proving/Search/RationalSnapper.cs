using System.Numerics;
using Hms.Proving.Numbers;

namespace Hms.Proving.Search;

/// <summary>
/// Turns the doubles a search finds into nearby simple rationals, so that a counterexample is exact and
/// readable (1/3, not 6004799503160661/18014398509481984) and so that values the search drove together
/// (r ≈ g, a zero divisor) become exactly equal. Integers are rounded, Bools read as value ≥ 1/2.
/// </summary>
public static class RationalSnapper
{
    public const int DefaultMaxDenominator = 1000;

    /// <summary>Relative widths of the snapping windows, coarse first: each is one try of a whole row.</summary>
    public static IReadOnlyList<double> Tolerances { get; } = [1e-2, 1e-3, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12];

    /// <summary>
    /// A few candidates for one value, simplest first: for a Real, the continued-fraction convergents with
    /// denominators up to <paramref name="maxDenominator"/>, then the double itself (exact: every double is a
    /// rational); for an Int, the nearest integers.
    /// </summary>
    public static IReadOnlyList<Rational> Candidates(double value, Sort sort = Sort.Real, int maxDenominator = DefaultMaxDenominator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDenominator, 1);
        if (!double.IsFinite(value)) return [];
        if (sort == Sort.Bool) return [value >= 0.5 ? Rational.One : Rational.Zero];
        if (sort == Sort.Int)
            return new[] { Math.Round(value), Math.Floor(value), Math.Ceiling(value) }
                .Select(x => Rational.FromInteger(new BigInteger(x))).Distinct().ToList();
        var candidates = new List<Rational>();
        foreach (var (h, k) in Convergents(Rational.FromDouble(value)))
        {
            if (k > maxDenominator) break;
            var r = new Rational(h, k);
            if (!candidates.Contains(r)) candidates.Add(r);
        }
        var exact = Rational.FromDouble(value);
        if (!candidates.Contains(exact)) candidates.Add(exact);
        return candidates;
    }

    /// <summary>The closest rational to <paramref name="value"/> whose denominator is at most <paramref name="maxDenominator"/>.</summary>
    public static Rational Nearest(double value, int maxDenominator = DefaultMaxDenominator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDenominator, 1);
        var x = Rational.FromDouble(value);
        BigInteger h2 = 0, k2 = 1, h1 = 1, k1 = 0;
        foreach (var (h, k) in Convergents(x))
        {
            if (k > maxDenominator)
            {
                // The best approximation is the last convergent or the largest semiconvergent that fits.
                var t = (maxDenominator - k2) / k1;
                var semi = new Rational(t * h1 + h2, t * k1 + k2);
                var last = new Rational(h1, k1);
                return (semi - x).Abs() < (last - x).Abs() ? semi : last;
            }
            (h2, k2, h1, k1) = (h1, k1, h, k);
        }
        return x;
    }

    /// <summary>The rational with the smallest denominator (then numerator) in the closed interval [low, high].</summary>
    public static Rational Simplest(Rational low, Rational high)
    {
        if (low > high) (low, high) = (high, low);
        if (low.Sign <= 0 && high.Sign >= 0) return Rational.Zero;
        if (high.Sign < 0) return -Simplest(-high, -low);
        // Continued-fraction descent (the Stern–Brocot tree): collect terms while both ends share them.
        var terms = new List<BigInteger>();
        while (true)
        {
            var floor = low.Floor();
            if (low == Rational.FromInteger(floor))
            {
                terms.Add(floor);
                break;
            }
            if (Rational.FromInteger(floor + 1) <= high)
            {
                terms.Add(floor + 1);
                break;
            }
            terms.Add(floor);
            (low, high) = (Rational.One / (high - floor), Rational.One / (low - floor));
        }
        var result = Rational.FromInteger(terms[^1]);
        for (var i = terms.Count - 2; i >= 0; i--) result = Rational.FromInteger(terms[i]) + Rational.One / result;
        return result;
    }

    /// <summary>The simplest rational within <paramref name="tolerance"/> × max(1, |value|) of <paramref name="value"/>.</summary>
    public static Rational Snap(double value, Sort sort, double tolerance)
    {
        if (sort == Sort.Bool) return value >= 0.5 ? Rational.One : Rational.Zero;
        if (sort == Sort.Int) return Rational.FromInteger(new BigInteger(Math.Round(value)));
        if (tolerance <= 0) return Rational.FromDouble(value);
        var width = tolerance * Math.Max(1, Math.Abs(value));
        if (!double.IsFinite(value - width) || !double.IsFinite(value + width)) return Rational.FromDouble(value);
        return Simplest(Rational.FromDouble(value - width), Rational.FromDouble(value + width));
    }

    /// <summary>
    /// Whole assignments for one row of a search's output, one per tolerance from coarse to fine, then the
    /// nearest rationals with small denominators, then the exact doubles; duplicates are left out. Snapping a
    /// whole row at one tolerance keeps values that were nearly equal equal.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, Rational>> SnapRow(IReadOnlyList<(string Name, Sort Sort, double Value)> row)
    {
        var rows = new List<IReadOnlyDictionary<string, Rational>>();
        if (row.Any(v => !double.IsFinite(v.Value))) return rows;
        var levels = Tolerances.Select(t => (Func<(string Name, Sort Sort, double Value), Rational>)(v => Snap(v.Value, v.Sort, t)))
            .Append(v => v.Sort == Sort.Real ? Nearest(v.Value) : Snap(v.Value, v.Sort, 0))
            .Append(v => Snap(v.Value, v.Sort, 0));
        foreach (var level in levels)
        {
            var assignment = row.ToDictionary(v => v.Name, level, StringComparer.Ordinal);
            if (!rows.Any(r => r.All(kv => assignment[kv.Key] == kv.Value))) rows.Add(assignment);
        }
        return rows;
    }

    /// <summary>The continued-fraction convergents h/k of an exact rational, coarsest first, ending with the value itself.</summary>
    internal static IEnumerable<(BigInteger H, BigInteger K)> Convergents(Rational x) =>
        Terms(x).Select(t => (t.H, t.K));

    /// <summary>The continued-fraction terms of an exact rational with their convergents h/k.</summary>
    private static IEnumerable<(BigInteger A, BigInteger H, BigInteger K)> Terms(Rational x)
    {
        BigInteger h2 = 0, k2 = 1, h1 = 1, k1 = 0;
        var p = x.Numerator;
        var q = x.Denominator;
        while (!q.IsZero)
        {
            var a = BigInteger.Divide(p, q);
            if ((p.Sign < 0) != (q.Sign < 0) && a * q != p) a -= 1; // floor, not truncation
            (p, q) = (q, p - a * q);
            var h = a * h1 + h2;
            var k = a * k1 + k2;
            yield return (a, h, k);
            (h2, k2, h1, k1) = (h1, k1, h, k);
        }
    }
}

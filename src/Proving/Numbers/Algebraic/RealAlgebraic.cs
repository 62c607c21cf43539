namespace Hms.Proving.Numbers.Algebraic;

/// <summary>
/// A real algebraic number held exactly: a square-free rational polynomial it is a root of, and an open
/// isolating interval (Lo, Hi) with rational ends, no root of the polynomial at either end and this root the
/// only one inside — or, when the root turned out rational, that rational (Lo = Hi). Refinement bisects and
/// keeps the half where the polynomial changes sign, so every interval it ever reports contains the number.
/// </summary>
public sealed class RealAlgebraic
{
    private readonly object gate = new();
    private Rational lo;
    private Rational hi;

    private RealAlgebraic(Polynomial squareFree, Rational lo, Rational hi)
    {
        Polynomial = squareFree;
        this.lo = lo;
        this.hi = hi;
    }

    /// <summary>The square-free monic polynomial the number is a root of.</summary>
    public Polynomial Polynomial { get; }

    /// <summary>The exact value when the root is rational, else null.</summary>
    public Rational? Rational
    {
        get { lock (gate) return lo == hi ? lo : null; }
    }

    /// <summary>
    /// The <paramref name="index"/>-th real root (1 = the smallest) of <paramref name="polynomial"/>, as z3's
    /// root-obj counts; repeated roots count once. Null with a reason for a polynomial past
    /// <see cref="AlgebraicLimits"/>, a zero or constant polynomial, or an index outside 1..(number of roots).
    /// </summary>
    public static (RealAlgebraic? Value, string? Error) TryRoot(Polynomial polynomial, int index)
    {
        if (polynomial.IsZero) return (null, "the polynomial is zero (every number is a root)");
        if (polynomial.Degree > 4 * AlgebraicLimits.MaxDegree)
            return (null, $"degree {polynomial.Degree} is more than the limit of {AlgebraicLimits.MaxDegree}");
        if (polynomial.CoefficientBits > AlgebraicLimits.MaxCoefficientBits)
            return (null, $"a coefficient has {polynomial.CoefficientBits} bits, more than the limit of {AlgebraicLimits.MaxCoefficientBits}");
        if (polynomial.Degree == 0) return (null, "the polynomial is a non-zero constant (it has no root)");
        var squareFree = polynomial.SquareFree();
        if (squareFree.Degree > AlgebraicLimits.MaxDegree)
            return (null, $"degree {squareFree.Degree} is more than the limit of {AlgebraicLimits.MaxDegree}");
        if (squareFree.CoefficientBits > 4L * AlgebraicLimits.MaxCoefficientBits)
            return (null, "the polynomial's square-free part has coefficients too large to work with");
        if (squareFree.Degree == 1)
        {
            var root = -squareFree[0] / squareFree[1];
            return index == 1 ? (new(squareFree, root, root), null) : (null, $"root index {index} is outside 1..1 (the polynomial has 1 real root)");
        }
        var sturm = new SturmSequence(squareFree);
        var bound = squareFree.RootBound();
        var (a, b) = (-bound, bound);
        var count = sturm.CountRoots(a, b);
        if (index < 1 || index > count)
            return (null, $"root index {index} is outside 1..{count} (the polynomial has {count} real root{(count == 1 ? "" : "s")})");
        // Bisect (a, b] until it holds exactly the wanted root.
        while (count > 1)
        {
            var mid = (a + b) / 2;
            var left = sturm.CountRoots(a, mid);
            if (index <= left) { b = mid; count = left; }
            else { a = mid; index -= left; count -= left; }
        }
        if (squareFree.SignAt(b) == 0) return (new(squareFree, b, b), null);
        // a may be the root below ours: move it up until p(a) ≠ 0, keeping our root inside.
        while (squareFree.SignAt(a) == 0)
        {
            var mid = (a + b) / 2;
            if (sturm.CountRoots(a, mid) == 1)
            {
                if (squareFree.SignAt(mid) == 0) return (new(squareFree, mid, mid), null);
                b = mid;
            }
            else a = mid;
        }
        return (new(squareFree, a, b), null);
    }

    /// <summary>
    /// An interval that contains the number, of width at most 2^−<paramref name="bits"/> times its size
    /// (bits capped by <see cref="AlgebraicLimits.MaxRefinementBits"/> and <see cref="AlgebraicLimits.MaxRefinementWork"/>);
    /// a point when the number is rational.
    /// </summary>
    public (Rational Lo, Rational Hi) Enclosure(int bits)
    {
        bits = Math.Min(Math.Min(bits, AlgebraicLimits.MaxRefinementBits),
            AlgebraicLimits.MaxRefinementWork / Math.Max(1, Polynomial.Degree));
        lock (gate)
        {
            var magnitude = lo.Abs() > hi.Abs() ? lo.Abs() : hi.Abs();
            var scale = magnitude > Numbers.Rational.One ? magnitude : Numbers.Rational.One;
            var target = scale / Numbers.Rational.FromInteger(System.Numerics.BigInteger.One << bits);
            if (lo != hi && hi - lo > target) Bisect(target);
            return (lo, hi);
        }
    }

    /// <summary>
    /// Halves (lo, hi) until it is at most <paramref name="target"/> wide. The ends are dyadic (m/2^k: the
    /// isolation bisects from integers), so the sign of p at a midpoint is that of the integer
    /// Σ a_i·m^i·2^(k(d−i)) with p's coefficients made integers: no rational normalisation per step.
    /// </summary>
    private void Bisect(Rational target)
    {
        var k = (int)Math.Max(lo.Denominator.GetBitLength(), hi.Denominator.GetBitLength()) - 1;
        if (!lo.Denominator.IsPowerOfTwo || !hi.Denominator.IsPowerOfTwo) k = -1;
        if (k < 0)
        {
            // Not dyadic (cannot happen after isolation; kept sound anyway): rational bisection.
            var signLo = Polynomial.SignAt(lo);
            while (lo != hi && hi - lo > target)
            {
                var mid = (lo + hi) / 2;
                var sign = Polynomial.SignAt(mid);
                if (sign == 0) lo = hi = mid;
                else if (sign == signLo) lo = mid;
                else hi = mid;
            }
            return;
        }
        var integer = IntegerCoefficients();
        var l = lo.Numerator << (k - (int)(lo.Denominator.GetBitLength() - 1));
        var h = hi.Numerator << (k - (int)(hi.Denominator.GetBitLength() - 1));
        var lowSign = SignAt(integer, l, k);
        // Width (h − l)/2^k > target, i.e. h − l > target·2^k; compared in integers.
        while ((h - l) * target.Denominator > target.Numerator * (System.Numerics.BigInteger.One << k))
        {
            var m = l + h; // the midpoint at exponent k + 1
            k++;
            l <<= 1;
            h <<= 1;
            var sign = SignAt(integer, m, k);
            if (sign == 0)
            {
                lo = hi = new Rational(m, System.Numerics.BigInteger.One << k);
                return;
            }
            if (sign == lowSign) l = m; else h = m;
        }
        lo = new Rational(l, System.Numerics.BigInteger.One << k);
        hi = new Rational(h, System.Numerics.BigInteger.One << k);
    }

    private System.Numerics.BigInteger[]? integerCoefficients;

    /// <summary>p times the common denominator of its coefficients (same signs, same roots).</summary>
    private System.Numerics.BigInteger[] IntegerCoefficients()
    {
        if (integerCoefficients is not null) return integerCoefficients;
        var lcm = System.Numerics.BigInteger.One;
        for (var i = 0; i <= Polynomial.Degree; i++)
        {
            var d = Polynomial[i].Denominator;
            lcm = lcm / System.Numerics.BigInteger.GreatestCommonDivisor(lcm, d) * d;
        }
        return integerCoefficients = [.. Enumerable.Range(0, Polynomial.Degree + 1)
            .Select(i => Polynomial[i].Numerator * (lcm / Polynomial[i].Denominator))];
    }

    /// <summary>Sign of p(m/2^k): of Σ a_i m^i 2^(k(d−i)), by homogeneous Horner.</summary>
    private static int SignAt(System.Numerics.BigInteger[] a, System.Numerics.BigInteger m, int k)
    {
        var d = a.Length - 1;
        var h = a[d];
        for (var i = d - 1; i >= 0; i--) h = h * m + (a[i] << (k * (d - i)));
        return h.Sign;
    }

    /// <summary>
    /// Whether q(α) = 0 for this number α: g = gcd(q, p) divides the square-free p, so g is square-free and
    /// its only possible root in the isolating interval is α, a simple one: g(α) = 0 exactly when g changes
    /// sign across the interval.
    /// </summary>
    public bool IsRootOf(Polynomial q)
    {
        if (q.IsZero) return true;
        lock (gate)
        {
            if (lo == hi) return q.SignAt(lo) == 0;
            var g = Polynomial.Gcd(Polynomial, q);
            return g.Degree >= 1 && g.SignAt(lo) != g.SignAt(hi);
        }
    }

    /// <summary>Whether this and <paramref name="other"/> are the same number.</summary>
    public bool SameAs(RealAlgebraic other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (Rational is { } r) return other.IsRootOf(Polynomial.X - Polynomial.Constant(r));
        if (!other.IsRootOf(Polynomial)) return false;
        // Both roots of p: equal when other's interval is inside ours after refinement separates p's roots.
        var (a, b) = Enclosure(64);
        var (c, d) = other.Enclosure(64);
        while (true)
        {
            if (d <= a || c >= b) return false;
            if (a <= c && d <= b && other.IsRootOf(Polynomial))
            {
                // other lies in our isolating interval and is a root of p: only our root is there.
                return true;
            }
            (c, d) = other.Enclosure((int)Math.Min(AlgebraicLimits.MaxRefinementBits, Bits(c, d) + 16));
            if (Bits(c, d) >= AlgebraicLimits.MaxRefinementBits) return false;
        }
    }

    private static long Bits(Rational lo, Rational hi) =>
        lo == hi ? AlgebraicLimits.MaxRefinementBits : (long)Math.Max(0, -Math.Log2(Math.Max(double.Epsilon, (hi - lo).ToDouble())));

    public override string ToString()
    {
        lock (gate) return lo == hi ? lo.ToString() : $"root of {Polynomial} in ({lo}, {hi})";
    }
}

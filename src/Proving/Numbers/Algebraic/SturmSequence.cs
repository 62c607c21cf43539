namespace Hms.Proving.Numbers.Algebraic;

/// <summary>
/// Sturm's theorem: for a square-free p with p0 = p, p1 = p', p(k+1) = −(p(k−1) mod p(k)), the number of
/// distinct real roots in (a, b] is V(a) − V(b), V counting sign changes of the sequence at a point.
/// </summary>
public sealed class SturmSequence
{
    private readonly List<Polynomial> chain = [];

    public SturmSequence(Polynomial squareFree)
    {
        chain.Add(squareFree);
        var next = squareFree.Derivative();
        while (!next.IsZero)
        {
            chain.Add(next);
            // Monic scaling keeps signs (a positive factor) and keeps the rationals small.
            var remainder = -chain[^2].Mod(next);
            next = remainder.IsZero ? remainder : remainder.Scale(Rational.One / remainder.Leading.Abs());
        }
    }

    /// <summary>Distinct real roots in (a, b], a &lt; b.</summary>
    public int CountRoots(Rational a, Rational b) => SignChanges(a) - SignChanges(b);

    private int SignChanges(Rational x)
    {
        var changes = 0;
        var last = 0;
        foreach (var p in chain)
        {
            var sign = p.SignAt(x);
            if (sign == 0) continue;
            if (last != 0 && sign != last) changes++;
            last = sign;
        }
        return changes;
    }
}

using static Hms.Proving.Smt.Transcendental.LemmaTerms;

namespace Hms.Proving.Smt.Transcendental;

/// <summary>
/// Lemmas about two terms at once: powers of one base (x^a·x^b = x^(a+b); x^b = x·x^a when b = a + 1;
/// monotone in the exponent: increasing for x &gt; 1, decreasing for 0 &lt; x &lt; 1), powers with one exponent
/// (monotone in the base: increasing for e &gt; 0, decreasing for e &lt; 0), and exp and log (strictly increasing).
/// Each is a theorem of real analysis under its guard.
/// </summary>
internal sealed class PairwiseLemmas(TranscendentalLemmas.TermSet terms, Action<SExpr> emit)
{
    public void About(IReadOnlyList<SExpr> all)
    {
        var powers = all.OfType<SList>().Where(t => Is(t, TranscendentalSymbols.Pow)).ToList();
        foreach (var group in powers.GroupBy(p => p[1].ToString(), StringComparer.Ordinal))
            ForPairs(group, SameBase);
        foreach (var group in powers.GroupBy(p => p[2].ToString(), StringComparer.Ordinal))
            ForPairs(group, SameExponent);
        ForPairs(all.OfType<SList>().Where(t => Is(t, TranscendentalSymbols.Exp)), Exps);
        ForPairs(all.OfType<SList>().Where(t => Is(t, TranscendentalSymbols.Log)), Logs);
    }

    private static void ForPairs(IEnumerable<SList> group, Action<SList, SList> lemma)
    {
        var members = group.Take(TranscendentalLemmas.MaxPaired).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++) lemma(members[i], members[j]);
        }
    }

    private void SameBase(SList p, SList q)
    {
        var (x, a, b) = (p[1], p[2], q[2]);
        var positive = Op(">", x, Zero);
        // x^a·x^b = x^(a+b) for x > 0.
        emit(Implies(positive, Op("=", Op("*", p, q), terms.Add(Pow(x, Op("+", a, b))))));
        // x^(a+1) = x·x^a for x > 0 (and the other way round).
        emit(Implies(And(positive, Op("=", Op("-", b, a), One)), Op("=", q, Op("*", x, p))));
        emit(Implies(And(positive, Op("=", Op("-", a, b), One)), Op("=", p, Op("*", x, q))));
        // a < b: x^a < x^b for x > 1, x^a > x^b for 0 < x < 1.
        emit(Implies(And(Op(">", x, One), Op("<", a, b)), Op("<", p, q)));
        emit(Implies(And(Op(">", x, One), Op("<", b, a)), Op("<", q, p)));
        emit(Implies(And(positive, Op("<", x, One), Op("<", a, b)), Op(">", p, q)));
        emit(Implies(And(positive, Op("<", x, One), Op("<", b, a)), Op(">", q, p)));
    }

    private void SameExponent(SList p, SList q)
    {
        var (x, y, e) = (p[1], q[1], p[2]);
        // 0 ≤ x < y: x^e < y^e for e > 0 (0^e = 0); 0 < x < y: x^e > y^e for e < 0.
        emit(Implies(And(Op(">=", x, Zero), Op("<", x, y), Op(">", e, Zero)), Op("<", p, q)));
        emit(Implies(And(Op(">=", y, Zero), Op("<", y, x), Op(">", e, Zero)), Op("<", q, p)));
        emit(Implies(And(Op(">", x, Zero), Op("<", x, y), Op("<", e, Zero)), Op(">", p, q)));
        emit(Implies(And(Op(">", y, Zero), Op("<", y, x), Op("<", e, Zero)), Op(">", q, p)));
    }

    private void Exps(SList p, SList q)
    {
        var (a, b) = (p[1], q[1]);
        // exp is strictly increasing. (exp(a)·exp(b) = exp(a+b) comes from the structural split of a sum:
        // as a pairwise lemma it would add a term per pair, each with its own lemmas.)
        emit(Implies(Op("<", a, b), Op("<", p, q)));
        emit(Implies(Op("<", b, a), Op("<", q, p)));
    }

    private void Logs(SList p, SList q)
    {
        var (x, y) = (p[1], q[1]);
        // log is strictly increasing on x > 0.
        emit(Implies(And(Op(">", x, Zero), Op("<", x, y)), Op("<", p, q)));
        emit(Implies(And(Op(">", y, Zero), Op("<", y, x)), Op("<", q, p)));
    }
}

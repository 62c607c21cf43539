using static Hms.Proving.Smt.Transcendental.LemmaTerms;

namespace Hms.Proving.Smt.Transcendental;

/// <summary>
/// The facts about real powers, exp and log that an obligation's query gets, instantiated over its ground terms
/// (docs/decision.md lists them). Soundness: pow, exp and log are uninterpreted in the query, and every lemma
/// is a theorem of real analysis about the true functions, each guarded by the domain it needs (x &gt; 0 for
/// log x and x^e, ...). The true functions, extended arbitrarily outside their domains, satisfy every lemma, so
/// an unsat query is unsat for them too: a PROVED never rests on a lemma. A sat answer proves nothing, since
/// the solver may choose values the true functions do not take; its model is re-checked against the true
/// functions (exactly, or by interval arithmetic) before it counts.
/// Terms are added in three rounds: the formula's own (round 0); those the structural lemmas introduce
/// (splitting (t·k)^a, (x^a)^b, log(x·y), exp(a+b), exp(log x)); those the pairwise product lemmas introduce
/// (x^a·x^b = x^(a+b)). Every term then gets the unary lemmas. The rounds and the counts are bounded, so the
/// lemmas stay polynomial in the formula.
/// </summary>
public static class TranscendentalLemmas
{
    /// <summary>At most this many terms get lemmas; terms past it stay uninterpreted (weaker, still sound).</summary>
    public const int MaxTerms = 96;

    /// <summary>At most this many terms of one group (same base, same exponent, exp, log) are paired.</summary>
    public const int MaxPaired = 16;

    /// <summary>How many times terms introduced by structural lemmas are themselves taken apart.</summary>
    public const int StructuralRounds = 2;

    /// <summary>The term with its argument (a defined variable) replaced by the variable's defining term.</summary>
    private static SExpr Substituted(SExpr term, IReadOnlyDictionary<string, string> definitions)
    {
        if (definitions.Count == 0 || term is not SList { Items: [SSymbol head, SSymbol argument, ..] } list) return term;
        if (!definitions.TryGetValue(argument.Name, out var definition)) return term;
        return new SList([head, SExprReader.ParseAll(definition)[0], .. list.Items.Skip(2)]);
    }

    public static IReadOnlyList<string> For(TranscendentalTerms terms)
    {
        if (terms.Ground.Count == 0) return [];
        var all = new TermSet();
        foreach (var text in terms.Ground) all.Add(SExprReader.ParseAll(text)[0]);
        foreach (var term in all.Snapshot()) all.Add(Substituted(term, terms.Definitions));
        var lemmas = new SortedSet<string>(StringComparer.Ordinal);
        var linkToExp = terms.Used.Contains(TranscendentalSymbols.Exp) || terms.Used.Contains(TranscendentalSymbols.Log);
        var structural = new StructuralLemmas(all, lemma => lemmas.Add(lemma.ToString()), linkToExp);
        // Two rounds: the terms a split introduces (log(x^a) from log(x^a·y^b)) are taken apart once more.
        var done = 0;
        for (var round = 0; round < StructuralRounds; round++)
        {
            var current = all.Snapshot();
            foreach (var term in current.Skip(done)) structural.About(term);
            done = current.Count;
        }
        var pairwise = new PairwiseLemmas(all, lemma => lemmas.Add(lemma.ToString()));
        pairwise.About(all.Snapshot());
        foreach (var term in all.Snapshot())
        {
            foreach (var lemma in UnaryLemmas.About(term)) lemmas.Add(lemma.ToString());
        }
        return [.. lemmas];
    }

    /// <summary>The terms that get lemmas, in the order they were found, without duplicates.</summary>
    internal sealed class TermSet
    {
        private readonly List<SExpr> terms = [];
        private readonly HashSet<string> texts = new(StringComparer.Ordinal);

        /// <summary>Adds a term (if there is room) and returns it, for use in a lemma either way.</summary>
        public SExpr Add(SExpr term)
        {
            if (terms.Count < MaxTerms && texts.Add(term.ToString())) terms.Add(term);
            return term;
        }

        public IReadOnlyList<SExpr> Snapshot() => [.. terms];
    }
}

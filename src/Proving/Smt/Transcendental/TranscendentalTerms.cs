namespace Hms.Proving.Smt.Transcendental;

/// <summary>
/// The applications of <see cref="TranscendentalSymbols"/> one obligation's encoders wrote. Ground ones (no
/// quantified variable inside) get lemmas; every function used is declared. Kept sorted so that the same
/// obligation always gets the same script text (the proof cache keys on it).
/// </summary>
public sealed class TranscendentalTerms
{
    private readonly SortedSet<string> ground = new(StringComparer.Ordinal);
    private readonly SortedSet<string> used = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ground => ground;

    /// <summary>The function symbols applied anywhere, ground or not.</summary>
    public IReadOnlyCollection<string> Used => used;

    public bool Any => used.Count > 0;

    private readonly SortedDictionary<string, string> definitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Variables the query's assumptions equate to a term (c2 = c1·(βR)^(1/g)): a term over the variable also
    /// gets its copy over the defining term, so that the lemmas about its shape apply (congruence then links
    /// the two). Adding a term is always sound: every lemma holds for every term.
    /// </summary>
    public IReadOnlyDictionary<string, string> Definitions => definitions;

    public void AddDefinition(string symbol, string term) => definitions.TryAdd(symbol, term);

    internal void Add(string symbol, string term, bool isGround)
    {
        used.Add(symbol);
        if (isGround) ground.Add(term);
    }
}

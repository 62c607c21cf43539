using System.Security.Cryptography;
using System.Text;

namespace Hms.Proving.Obligations;

/// <summary>
/// Builds an obligation's SMT-LIB text in normal form: declarations sorted by symbol, named assertions sorted
/// by text and named after their content. The same obligation in another theorem thus has the same text and
/// the same hash, which is what the proof cache keys on.
/// </summary>
public sealed class SmtScript
{
    private readonly SortedDictionary<string, Sort> declarations = new(StringComparer.Ordinal);
    private readonly SortedSet<string> named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> namedAssumptions = new(StringComparer.Ordinal);
    private readonly List<string> goals = [];

    public void Declare(string symbol, Sort sort) => declarations[symbol] = sort;

    /// <summary>Adds assumption number <paramref name="index"/> (0-based) under a content-derived name for unsat cores.</summary>
    public void AddAssumption(int index, string term)
    {
        // '!' cannot occur in a variable's symbol (SmtNames escapes it), so a label never meets a variable.
        var name = "a!" + Hash(term)[..12];
        named.Add($"(assert (! {term} :named {name}))");
        namedAssumptions.TryAdd(name, index);
    }

    public void AddGoal(string term) => goals.Add($"(assert {term})");

    public IReadOnlyDictionary<string, Sort> Declarations => declarations;
    public IReadOnlyDictionary<string, int> NamedAssumptions => namedAssumptions;

    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var (symbol, sort) in declarations)
                sb.Append("(declare-const ").Append(symbol).Append(' ').Append(Smt.SmtNames.ForSort(sort)).Append(")\n");
            foreach (var assertion in named) sb.Append(assertion).Append('\n');
            foreach (var goal in goals.Order(StringComparer.Ordinal)) sb.Append(goal).Append('\n');
            return sb.ToString();
        }
    }

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}

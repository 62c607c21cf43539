using System.Security.Cryptography;
using System.Text;

namespace Hms.Proving.Obligations;

/// <summary>
/// Builds an obligation's SMT-LIB text twice. <see cref="Text"/> is the normal form: declarations sorted by
/// symbol, named assertions sorted by text and named after their content, so the same obligation in another
/// theorem has the same text and the same hash, which is what the proof cache keys on. <see cref="SolverText"/>
/// is what a solver reads: the same commands in the order the user wrote them (declarations in the order given,
/// assumptions and goals in reading order), because solvers are sensitive to order — on issue 9's models the
/// sorted form cost z3 up to 90x more than the natural one. Both hold exactly the same set of commands.
/// </summary>
public sealed class SmtScript
{
    private readonly SortedDictionary<string, Sort> declarations = new(StringComparer.Ordinal);
    private readonly SortedSet<string> named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> namedAssumptions = new(StringComparer.Ordinal);
    private readonly List<string> goals = [];
    private readonly SortedSet<string> functions = new(StringComparer.Ordinal);
    private readonly SortedSet<string> lemmas = new(StringComparer.Ordinal);
    private readonly List<string> declarationOrder = [];
    private readonly List<string> assertionOrder = [];

    public void Declare(string symbol, Sort sort)
    {
        if (declarations.TryAdd(symbol, sort)) declarationOrder.Add(symbol);
        else declarations[symbol] = sort;
    }

    /// <summary>Adds assumption number <paramref name="index"/> (0-based) under a content-derived name for unsat cores.</summary>
    public void AddAssumption(int index, string term)
    {
        // '!' cannot occur in a variable's symbol (SmtNames escapes it), so a label never meets a variable.
        var name = "a!" + Hash(term)[..12];
        var assertion = $"(assert (! {term} :named {name}))";
        if (named.Add(assertion)) assertionOrder.Add(assertion);
        namedAssumptions.TryAdd(name, index);
    }

    public void AddGoal(string term)
    {
        goals.Add($"(assert {term})");
        assertionOrder.Add($"(assert {term})");
    }

    /// <summary>Declares a function (a full declare-fun command), such as the transcendental functions.</summary>
    public void DeclareFunction(string declaration) => functions.Add(declaration);

    /// <summary>
    /// Adds a background fact about the declared functions. Lemmas are not named: they are no assumption of
    /// the user's, so an unsat core never reports them as used.
    /// </summary>
    public void AddLemma(string term) => lemmas.Add($"(assert {term})");

    /// <summary>True when the query has functions beyond arithmetic, whose models a solver cannot confirm for the true functions.</summary>
    public bool HasFunctions => functions.Count > 0;

    public IReadOnlyDictionary<string, Sort> Declarations => declarations;
    public IReadOnlyDictionary<string, int> NamedAssumptions => namedAssumptions;

    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var (symbol, sort) in declarations)
                sb.Append("(declare-const ").Append(symbol).Append(' ').Append(Smt.SmtNames.ForSort(sort)).Append(")\n");
            foreach (var function in functions) sb.Append(function).Append('\n');
            foreach (var lemma in lemmas) sb.Append(lemma).Append('\n');
            foreach (var assertion in named) sb.Append(assertion).Append('\n');
            foreach (var goal in goals.Order(StringComparer.Ordinal)) sb.Append(goal).Append('\n');
            return sb.ToString();
        }
    }

    /// <summary>The commands of <see cref="Text"/> in the order they were added: what the solver is sent.</summary>
    public string SolverText
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var symbol in declarationOrder)
                sb.Append("(declare-const ").Append(symbol).Append(' ').Append(Smt.SmtNames.ForSort(declarations[symbol])).Append(")\n");
            foreach (var function in functions) sb.Append(function).Append('\n');
            foreach (var lemma in lemmas) sb.Append(lemma).Append('\n');
            foreach (var assertion in assertionOrder) sb.Append(assertion).Append('\n');
            return sb.ToString();
        }
    }

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}

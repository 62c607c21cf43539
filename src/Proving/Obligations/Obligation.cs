using Hms.Proving.Checking;
using Hms.Proving.Solvers;

namespace Hms.Proving.Obligations;

/// <summary>
/// One independent proof obligation: an SMT-LIB query whose unsatisfiability proves it. A satisfying model
/// is a candidate counterexample that the obligation re-checks exactly before anyone reports it.
/// </summary>
/// <param name="script">What the solver is sent.</param>
/// <param name="canonicalScript">
/// The normal form of the same commands that the content hash is taken of, when it differs from what is sent
/// (see <see cref="SmtScript"/>); null when the script is its own normal form.
/// </param>
public abstract class Obligation(string id, ObligationKind kind, string description, string script,
    IReadOnlyDictionary<string, Sort> symbols, IReadOnlyDictionary<string, int> namedAssumptions, string? canonicalScript = null)
{
    public string Id { get; } = id;
    public ObligationKind Kind { get; } = kind;
    public string Description { get; } = description;

    /// <summary>Declarations and assertions, without check-sat, as the solver reads them.</summary>
    public string Script { get; } = script;

    /// <summary>
    /// SHA-256 of the kind and the script's normal form: equal obligations share it across theorems, whatever
    /// order their theorems wrote them in. The kind is part of it because it says what an answer means (unsat
    /// proves a claim but refutes consistency).
    /// </summary>
    public string ContentHash { get; } = SmtScript.Hash($"{kind}\n{canonicalScript ?? script}");

    /// <summary>The constants a counterexample needs, with their sorts.</summary>
    public IReadOnlyDictionary<string, Sort> Symbols { get; } = symbols;

    /// <summary>Unsat-core names of the assumptions, mapped to their 0-based index.</summary>
    public IReadOnlyDictionary<string, int> NamedAssumptions { get; } = namedAssumptions;

    /// <summary>True for a user's script, which may change solver options: its process is not reused.</summary>
    public virtual bool Isolated => false;

    /// <summary>
    /// True when a fresh solver confirming a model (with its values fixed) is the validation itself, as for a
    /// user's SMT-LIB script, whose assertions only a solver can evaluate.
    /// </summary>
    public virtual bool ConfirmedBySolver => false;

    /// <summary>
    /// False when the query abstracts functions (real powers, exp, log as uninterpreted symbols): a solver
    /// confirming a model with the values fixed then says nothing about the true functions, so a model that
    /// cannot be checked exactly or by intervals stays numeric evidence on an UNKNOWN.
    /// </summary>
    public virtual bool SolverCanConfirm => true;

    /// <summary>
    /// Whether a constant the model leaves out is confirmed at its reported default (0 or false). Our own
    /// obligations do; a user's script leaves it to the solver and reports it as unconstrained.
    /// </summary>
    protected virtual bool PinsMissingValues => true;

    /// <summary>Re-checks a model of the query exactly.</summary>
    public abstract ModelCheck CheckModel(IReadOnlyDictionary<string, ModelValue> model);

    /// <summary>The query with every constant fixed to its model value, for a solver to confirm a model.</summary>
    public string ScriptWithValues(IReadOnlyDictionary<string, ModelValue> model)
    {
        var sb = new System.Text.StringBuilder(Script);
        foreach (var (symbol, sort) in Symbols)
        {
            var literal = model.GetValueOrDefault(symbol) switch
            {
                BoolModelValue b when sort == Sort.Bool => b.Value ? "true" : "false",
                RationalModelValue r when sort == Sort.Int && r.Value.IsInteger => r.Value.ToSmtInt(),
                RationalModelValue r when sort == Sort.Real => r.Value.ToSmtReal(),
                AlgebraicModelValue => null, // irrational: left to the solver, and shown as approximate
                // Missing from the model: the counterexample reports the default, so the check pins it too.
                _ when PinsMissingValues => sort switch { Sort.Bool => "false", Sort.Int => "0", _ => "0.0" },
                _ => null,
            };
            if (literal is not null) sb.Append("(assert (= ").Append(Smt.SSymbol.Quote(symbol)).Append(' ').Append(literal).Append("))\n");
        }
        return sb.ToString();
    }

    public override string ToString() => $"{Id} ({Kind}): {Description}";
}

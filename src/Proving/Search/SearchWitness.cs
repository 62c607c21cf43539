using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>
/// A quantified variable the search picks one value for: a 'forall' of the statement (its value is where the
/// claim fails) or an 'exists' of an assumption. <see cref="Key"/> is its name in programs and counterexamples,
/// distinct from every theorem variable; <see cref="Guards"/> are facts that must hold of it (the left side of
/// 'forall q: 0 &lt;= q &lt;= 1 -> ...'), a source of search bounds. <see cref="InStatement"/>: it came from the
/// statement (its value is where the claim fails) rather than from an assumption.
/// </summary>
public sealed record SearchWitness(string Key, Binder Binder, IReadOnlyList<Expr> Guards, bool InStatement);

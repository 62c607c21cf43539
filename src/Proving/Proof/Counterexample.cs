namespace Hms.Proving.Proof;

/// <summary>
/// Values for every free variable of the theorem (exact: integers and p/q) that refute it.
/// <see cref="Validated"/> is true only when exact rational arithmetic re-checked it; a model that a solver
/// confirmed but that cannot be checked exactly (irrational values, unbounded quantifiers) is not.
/// </summary>
public sealed record Counterexample(
    IReadOnlyList<KeyValuePair<string, string>> Assignment,
    bool Validated,
    string Explanation);

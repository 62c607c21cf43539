namespace Hms.Proving.Proof;

/// <summary>
/// Values for every free variable of the theorem (exact: integers and p/q) that refute it.
/// <see cref="Validated"/> is true only when the refutation was checked for the true functions: in exact
/// rational arithmetic, or by interval arithmetic (<see cref="Validation"/> says which); a model that a solver
/// confirmed but that cannot be checked that way (irrational values, unbounded quantifiers) is not.
/// </summary>
public sealed record Counterexample(
    IReadOnlyList<KeyValuePair<string, string>> Assignment,
    bool Validated,
    string Explanation)
{
    private readonly CounterexampleValidation? validation;

    /// <summary>How it was validated; by default Exact when <see cref="Validated"/>, else None.</summary>
    public CounterexampleValidation Validation
    {
        get => validation ?? (Validated ? CounterexampleValidation.Exact : CounterexampleValidation.None);
        init => validation = value;
    }

    /// <summary>
    /// Names in <see cref="Assignment"/> whose value is a decimal approximation (of an irrational number) rather
    /// than the exact value; every other value is an integer or an exact p/q.
    /// </summary>
    public IReadOnlyList<string> Approximate { get; init; } = [];
}

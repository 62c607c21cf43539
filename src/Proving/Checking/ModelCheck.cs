namespace Hms.Proving.Checking;

public enum ModelCheckOutcome
{
    /// <summary>Exact rational arithmetic confirms the model refutes the obligation.</summary>
    Confirmed,

    /// <summary>The model does not refute the obligation (a solver bug, or semantics that differ from ours).</summary>
    Rejected,

    /// <summary>No exact check is possible (irrational values, unbounded quantifiers): a solver must confirm.</summary>
    Inexact,
}

/// <summary>The verdict of re-checking a solver's model, with the full assignment and an explanation.</summary>
public sealed record ModelCheck(
    ModelCheckOutcome Outcome,
    IReadOnlyList<KeyValuePair<string, string>> Assignment,
    string Explanation)
{
    /// <summary>For a Confirmed check: true when interval arithmetic, not exact evaluation, decided it.</summary>
    public bool ByIntervals { get; init; }

    /// <summary>Names whose value in <see cref="Assignment"/> is a decimal approximation, not exact.</summary>
    public IReadOnlyList<string> Approximate { get; init; } = [];
}

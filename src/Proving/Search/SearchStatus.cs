namespace Hms.Proving.Search;

public enum SearchStatus
{
    /// <summary>A counterexample that the exact check confirmed: the theorem is refuted.</summary>
    Validated,

    /// <summary>A point that refutes in floating point but cannot be checked exactly: evidence only.</summary>
    Numeric,

    NotFound,

    /// <summary>The theorem uses something the search cannot evaluate; the reason says what.</summary>
    Unsupported,

    /// <summary>The search itself broke (a Python error, no interpreter): the reason says how. The solvers still decide.</summary>
    Failed,
}

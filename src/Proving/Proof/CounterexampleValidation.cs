namespace Hms.Proving.Proof;

/// <summary>How a counterexample was shown to refute the theorem (on the wire: validation).</summary>
public enum CounterexampleValidation
{
    /// <summary>Re-checked in exact rational arithmetic.</summary>
    Exact,

    /// <summary>Confirmed by a solver with the values fixed (a user's SMT-LIB script, or irrational values).</summary>
    Solver,

    /// <summary>
    /// Certified by outward-rounded rational interval arithmetic: at these exact values every assumption is
    /// certainly true and the statement certainly false, with sqrt, exp, log and real powers enclosed.
    /// </summary>
    Interval,

    /// <summary>Not validated: numeric evidence only.</summary>
    None,
}

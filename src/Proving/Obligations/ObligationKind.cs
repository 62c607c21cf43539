namespace Hms.Proving.Obligations;

public enum ObligationKind
{
    /// <summary>A part of the statement follows from the assumptions.</summary>
    Claim,

    /// <summary>An expression is defined where it is evaluated (no division by zero, sqrt of a negative…).</summary>
    WellDefinedness,

    /// <summary>The assumptions can hold together; if not, the theorem is vacuous.</summary>
    Consistency,
}

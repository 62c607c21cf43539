namespace Hms.Proving.Numbers.Algebraic;

/// <summary>
/// What an algebraic number read from a solver may cost. A root-obj is solver output, but solver output is
/// still input to us: past these limits it is refused with a reason (and the model falls back to a solver's
/// confirmation), never worked on for minutes.
/// </summary>
public static class AlgebraicLimits
{
    /// <summary>Degree of the defining polynomial (after removing repeated factors).</summary>
    public const int MaxDegree = 24;

    /// <summary>Bits of any coefficient's numerator or denominator.</summary>
    public const int MaxCoefficientBits = 512;

    /// <summary>Bits of precision an isolating interval is ever refined to (bisection steps past isolation).</summary>
    public const int MaxRefinementBits = 4096;

    /// <summary>
    /// Degree times refinement bits. Bisection to b bits of a degree-d number costs about (d·b)² bit operations
    /// (the integers evaluated have d·b bits), so a high-degree number is refined less far: degree 4 and
    /// below get the full 4096 bits, degree 24 gets 682 (about a second on one core).
    /// </summary>
    public const int MaxRefinementWork = 16384;

    /// <summary>Degree of a polynomial formed while deciding a sign (an expression in one algebraic number).</summary>
    public const int MaxExpressionDegree = 256;
}

namespace Hms.Proving.Solvers;

/// <summary>An irrational real (a root of a polynomial), which no rational can represent exactly.</summary>
/// <param name="Decimal">
/// A decimal approximation such as "-1.41421356237309504880" for display; "?" when the solver offered none.
/// </param>
/// <param name="Exact">The solver's own exact text, e.g. "(root-obj (+ (^ x 2) (- 2)) 1)".</param>
public sealed record AlgebraicModelValue(string Decimal, string Exact) : ModelValue;

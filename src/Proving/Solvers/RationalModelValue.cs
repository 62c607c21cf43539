using Hms.Proving.Numbers;

namespace Hms.Proving.Solvers;

/// <summary>An Int or Real value; exact, so a counterexample can be re-checked without rounding.</summary>
public sealed record RationalModelValue(Rational Value) : ModelValue;

using Hms.Proving.Numbers;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// The three kinds of '^' the language has, told apart by the exponent alone so that every stage (definedness,
/// evaluation, encoding) agrees: a constant integer (a polynomial power, expanded into products), a constant
/// non-integer p/q (a root), and a symbolic exponent (a real power x^e = exp(e·log x), docs/decision.md).
/// </summary>
public static class PowerForm
{
    /// <summary>The exponent's value when it is a constant, else null (a symbolic exponent).</summary>
    public static Rational? ConstantExponent(BinaryExpr power) => ConstantFolder.TryFold(power.Right);

    public static bool IsSymbolic(BinaryExpr power) => ConstantExponent(power) is null;

    /// <summary>True for the powers no solver has a symbol for: fractional or symbolic exponents.</summary>
    public static bool IsRealPower(BinaryExpr power) => ConstantExponent(power) is not { IsInteger: true };
}

namespace Hms.Proving.Syntax;

/// <summary>
/// Limits that keep a hostile or mistaken formula from exhausting the stack or memory.
/// Each is far above what a hand-written economic theorem needs.
/// </summary>
public static class FormulaLimits
{
    /// <summary>Characters in one formula (1 MiB).</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>
    /// Digits of one number literal, before its exponent. Printing a number (for the solver, in messages)
    /// takes time quadratic in its digits: 300,000 digits cost 8 s, a 1 MiB literal minutes.
    /// </summary>
    public const int MaxNumberDigits = 10_000;

    /// <summary>Nesting of parentheses, prefix operators, calls, conditionals and quantifiers.</summary>
    public const int MaxNesting = 200;

    /// <summary>Height of the syntax tree (long operator chains count too: a + b + c is two levels).</summary>
    public const int MaxHeight = 2000;

    /// <summary>Largest integer exponent expanded as a polynomial power.</summary>
    public const int MaxPolynomialExponent = 64;

    /// <summary>Variables bound by one quantifier over Bool that an exact check enumerates (2^n cases).</summary>
    public const int MaxEnumeratedBoolBinders = 12;
}

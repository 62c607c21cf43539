namespace Hms.Proving.Syntax;

/// <summary>
/// Limits that keep a hostile or mistaken formula from exhausting the stack, memory or a core before any
/// solver runs. Each is far above what a hand-written economic theorem needs.
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

    /// <summary>
    /// Largest magnitude of an exponent: integer powers up to it are expanded into products, and a fractional
    /// exponent (x^(1/2)) may not be larger either.
    /// </summary>
    public const int MaxPolynomialExponent = 64;

    /// <summary>
    /// Bits of a number that folding a constant power may produce (numerator or denominator; 65,536 bits is
    /// about 19,700 decimal digits). Checked before the power is computed: (((10^64)^64)^64)^64 would need
    /// 55 million bits.
    /// </summary>
    public const int MaxFoldedBits = 1 << 16;

    /// <summary>
    /// SMT-LIB terms one formula may expand into once powers are written out as products and abs, min and
    /// max as conditionals (each copies its arguments). (((x^64)^64)^64)^64 would be 16.7 million.
    /// </summary>
    public const int MaxExpandedTerms = 100_000;

    /// <summary>Proof obligations one theorem may be split into (consistency, definedness sites, statement parts and cases).</summary>
    public const int MaxObligations = 2_000;

    /// <summary>Characters of SMT-LIB all obligations of one theorem may add up to (32 Mi).</summary>
    public const int MaxEncodedLength = 32 << 20;

    /// <summary>
    /// Integers in one range: of a sum (<c>sum(i in 1..1000, …)</c>) or of an indexed variable's declaration
    /// (<c>x[1..1000]</c>). Portfolios, consumers and markets with a literal n need a handful.
    /// </summary>
    public const int MaxRangeLength = 1_000;

    /// <summary>
    /// Nodes one formula may grow to once definitions, sums and derivatives are expanded (each use of a
    /// definition copies its body, each derivative rule copies its operands). Checked while expanding, so
    /// definitions that each use the previous one twice cannot demand 2^n nodes.
    /// </summary>
    public const int MaxElaboratedNodes = 100_000;

    /// <summary>Definitions used inside definitions, and derivatives inside derivatives, may nest this deep.</summary>
    public const int MaxElaborationDepth = 200;

    /// <summary>Variables bound by one quantifier over Bool that an exact check enumerates (2^n cases).</summary>
    public const int MaxEnumeratedBoolBinders = 12;
}

namespace Hms.Proving.Obligations;

/// <summary>
/// What an operation needs of its operand to be defined, stated for people and for the solver. Each rule owns
/// its wording, so the walker that finds the operations stays free of messages.
/// </summary>
public sealed class DefinednessRule
{
    private readonly string requirement;
    private readonly string violation;

    private DefinednessRule(string requirement, string violation)
    {
        this.requirement = requirement;
        this.violation = violation;
    }

    public static readonly DefinednessRule NonZero = new("{0} ≠ 0", "(= {0} 0.0)");
    public static readonly DefinednessRule NonNegative = new("{0} ≥ 0", "(< {0} 0.0)");
    public static readonly DefinednessRule Positive = new("{0} > 0", "(<= {0} 0.0)");

    /// <summary>
    /// A power with a symbolic exponent, x^e: defined for x > 0 (as exp(e·log x)), and for x = 0 when e > 0 (the
    /// limit 0, as in k^a at k = 0 with 0 &lt; a &lt; 1). {0} is the base, {1} the exponent.
    /// </summary>
    public static readonly DefinednessRule PositiveBase = new(
        "{0} > 0, or {0} = 0 and {1} > 0", "(not (or (> {0} 0.0) (and (= {0} 0.0) (> {1} 0.0))))");

    /// <summary>"px ≠ 0" for the operand's source text.</summary>
    public string Requirement(string operandText, string? secondText = null) => string.Format(requirement, operandText, secondText);

    /// <summary>An SMT-LIB term true exactly when the (real-valued) operand (and second operand, if the rule has one) breaks the rule.</summary>
    public string Violation(string operandTerm, string? secondTerm = null) => string.Format(violation, operandTerm, secondTerm);
}

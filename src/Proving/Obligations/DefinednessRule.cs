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

    /// <summary>"px ≠ 0" for the operand's source text.</summary>
    public string Requirement(string operandText) => string.Format(requirement, operandText);

    /// <summary>An SMT-LIB term true exactly when the (real-valued) operand breaks the rule.</summary>
    public string Violation(string operandTerm) => string.Format(violation, operandTerm);
}

namespace Hms.Proving.Solvers;

/// <summary>Which solver(s) to ask; see <see cref="StrategyParser"/> for the text forms.</summary>
public enum Strategy
{
    Z3,
    Cvc5,
    /// <summary>Race z3 and cvc5; the first decisive answer wins.</summary>
    Portfolio,
}

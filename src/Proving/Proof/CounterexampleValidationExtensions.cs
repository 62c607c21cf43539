namespace Hms.Proving.Proof;

public static class CounterexampleValidationExtensions
{
    /// <summary>
    /// What the wire's and the CLI's <c>validated</c> say: the refutation was checked without trusting a solver,
    /// by exact rational evaluation or by a rational interval certificate. A solver's confirmation (SMT-LIB
    /// scripts, irrational values) is not, whatever else it is worth; one definition for every output.
    /// </summary>
    public static bool IsChecked(this CounterexampleValidation validation) =>
        validation is CounterexampleValidation.Exact or CounterexampleValidation.Interval;

    /// <summary>The lower-case name used in --json output and documentation (exact, solver, interval, none).</summary>
    public static string ToName(this CounterexampleValidation validation) => validation switch
    {
        CounterexampleValidation.Exact => "exact",
        CounterexampleValidation.Solver => "solver",
        CounterexampleValidation.Interval => "interval",
        _ => "none",
    };
}

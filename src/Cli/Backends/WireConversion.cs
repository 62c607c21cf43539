using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Wire = Hms.Frontend.V1;

namespace Hms.Cli.Backends;

/// <summary>
/// A theorem read over gRPC as the core's result type, which the reports print. The wire enums carry the
/// core's names (THEOREM_STATUS_PROVED is Proved), so names convert one to one.
/// </summary>
internal static class WireConversion
{
    public static TheoremResult ToResult(Wire.Theorem t) => new(
        t.Id,
        Enum.Parse<TheoremStatus>(t.Status.ToString()),
        t.Complexity == Wire.TheoremComplexity.Unspecified ? null : Enum.Parse<Hms.Proving.Compiling.Complexity>(t.Complexity.ToString()),
        [.. t.Obligations.Select(o => new ObligationResult(o.Id, Enum.Parse<ObligationKind>(o.Kind.ToString()), o.Description,
            Enum.Parse<ObligationStatus>(o.Status.ToString()), o.Strategy.Length == 0 ? null : o.Strategy,
            TimeSpan.FromMilliseconds(o.ElapsedMs), null, [], o.Reason.Length == 0 ? null : o.Reason, o.ContentHash)
            { Silo = o.Silo.Length == 0 ? null : o.Silo })],
        t.Counterexample is { } c ? new Counterexample([.. c.Assignment], Validation(c).IsChecked(), c.Explanation) { Validation = Validation(c), Approximate = [.. c.Approximate] } : null,
        [.. t.Warnings],
        t.Proof is { } p ? [.. p.AssumptionsUsed] : [],
        t.Error.Length == 0 ? null : t.Error,
        TimeSpan.FromMilliseconds(t.ElapsedMs));

    /// <summary>A server older than the validation field sends only validated.</summary>
    private static CounterexampleValidation Validation(Wire.Counterexample c) => c.Validation switch
    {
        Wire.CounterexampleValidation.Exact => CounterexampleValidation.Exact,
        Wire.CounterexampleValidation.Solver => CounterexampleValidation.Solver,
        Wire.CounterexampleValidation.Interval => CounterexampleValidation.Interval,
        Wire.CounterexampleValidation.None => CounterexampleValidation.None,
        _ => c.Validated ? CounterexampleValidation.Exact : CounterexampleValidation.None,
    };
}

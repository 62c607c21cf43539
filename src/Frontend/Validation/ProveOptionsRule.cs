namespace Hms.Frontend.Validation;

/// <summary>
/// The per-request strategy overrides: the same rule as the theorem's own. Timeouts and priorities are
/// checked against the configured TheoremLimits with the theorem's field sizes.
/// </summary>
internal static class ProveOptionsRule
{
    public static string? Check(IEnumerable<string> strategies, string field) =>
        StrategyListRule.Check(strategies, $"{field}strategies");
}

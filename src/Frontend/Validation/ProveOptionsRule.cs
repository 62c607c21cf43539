namespace Hms.Frontend.Validation;

/// <summary>The per-request overrides of how to prove: the same rules as the theorem's own fields.</summary>
internal static class ProveOptionsRule
{
    public static string? Check(IEnumerable<string> strategies, int timeoutSeconds, string field) =>
        TimeoutRule.Check(timeoutSeconds, $"{field}timeout_seconds")
        ?? StrategyListRule.Check(strategies, $"{field}strategies");
}

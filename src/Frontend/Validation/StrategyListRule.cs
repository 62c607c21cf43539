namespace Hms.Frontend.Validation;

/// <summary>Strategy names as theorem files accept them: exact, lower case, each at most once.</summary>
internal static class StrategyListRule
{
    private static readonly string[] Known = ["z3", "cvc5", "portfolio", "genetic"];

    public static string? Check(IEnumerable<string> strategies, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var strategy in strategies)
        {
            if (!Known.Contains(strategy, StringComparer.Ordinal))
            {
                return $"{field}: unknown strategy '{Quote.Shorten(strategy)}' (expected z3, cvc5, portfolio or genetic)";
            }

            if (!seen.Add(strategy))
            {
                return $"{field}: strategy '{strategy}' is listed twice";
            }
        }

        return null;
    }
}

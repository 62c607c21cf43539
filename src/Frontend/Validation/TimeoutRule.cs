using Hms.Proving.Documents;

namespace Hms.Frontend.Validation;

/// <summary>A solver goal's time limit in seconds: 0 (the default) or the range theorem files accept.</summary>
internal static class TimeoutRule
{
    public static string? Check(int seconds, string field) =>
        seconds is 0 or (>= DocumentLimits.MinTimeoutSeconds and <= DocumentLimits.MaxTimeoutSeconds)
            ? null
            : $"{field} must be between {DocumentLimits.MinTimeoutSeconds} and {DocumentLimits.MaxTimeoutSeconds} (0: the default), not {seconds}";
}

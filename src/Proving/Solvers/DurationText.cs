using System.Globalization;

namespace Hms.Proving.Solvers;

/// <summary>Durations as users read them in reasons: "10 s", "1.5 s", "0.25 s".</summary>
internal static class DurationText
{
    public static string Seconds(TimeSpan duration) =>
        Math.Round(duration.TotalSeconds, 3).ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string TimeoutReason(TimeSpan timeout) => $"timeout after {Seconds(timeout)}";
}

using Hms.Grains.Messages;

namespace Hms.Agents.Tools;

/// <summary>A progress event as the one-line message of an MCP progress notification.</summary>
internal static class ProgressText
{
    public static string For(ProgressEvent e) => e.Kind switch
    {
        ProgressKind.Submitted => "submitted",
        ProgressKind.Decomposed => $"split into {e.ObligationCount ?? 0} obligations",
        ProgressKind.ObligationStarted => $"{e.ObligationId}: started with {e.Strategy}",
        ProgressKind.ObligationFinished => $"{e.ObligationId}: {e.ObligationStatus?.ToString().ToUpperInvariant()}" +
            (e.Strategy is null ? "" : $" by {e.Strategy}"),
        ProgressKind.SearchProgress => $"genetic search: generation {e.Generation}, best fitness {e.BestFitness:G4}",
        ProgressKind.Completed => $"completed: {e.TheoremStatus?.ToString().ToUpperInvariant()}",
        _ => e.Kind.ToString(),
    };
}

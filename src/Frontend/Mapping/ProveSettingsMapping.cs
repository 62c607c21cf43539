using Hms.Grains.Messages;
using Hms.Frontend.V1;

namespace Hms.Frontend.Mapping;

/// <summary>How a request asks to be proved. Zero and empty mean "the theorem's own setting".</summary>
internal static class ProveSettingsMapping
{
    public static ProveSettings FromOptions(ProveOptions? options) => options is null
        ? new ProveSettings()
        : new ProveSettings
        {
            Strategies = [.. options.Strategies],
            TimeoutSeconds = options.TimeoutSeconds == 0 ? null : options.TimeoutSeconds,
            UseGeneticOptimization = options.UseGeneticOptimization,
            Priority = options.Priority,
        };

    /// <summary>A theorem of a stream or batch: its options, the call's deadline (as ProveTheorem's) and the call's queue owner.</summary>
    public static ProveSettings FromOptions(ProveOptions? options, DateTime deadline, string owner) => FromOptions(options) with
    {
        CancelAt = CancelAt(deadline),
        Owner = owner,
    };

    /// <param name="deadline">The call's deadline (DateTime.MaxValue when it has none): the proof ends with the call.</param>
    public static ProveSettings FromRequest(ProveTheoremRequest request, DateTime deadline) => new()
    {
        Strategies = [.. request.Strategies],
        TimeoutSeconds = request.TimeoutSeconds == 0 ? null : request.TimeoutSeconds,
        UseGeneticOptimization = request.UseGeneticOptimization,
        CancelAt = CancelAt(deadline),
    };

    private static DateTimeOffset? CancelAt(DateTime deadline) =>
        deadline == DateTime.MaxValue ? null : new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc));
}

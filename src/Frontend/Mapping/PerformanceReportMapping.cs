using Hms.Frontend.V1;
using CoreStage = Hms.Proving.Metrics.Stage;
using CoreReport = Hms.Proving.Metrics.PerformanceReport;
using WireReport = Hms.Frontend.V1.PerformanceReport;

namespace Hms.Frontend.Mapping;

/// <summary>The recorder's report on the wire: durations in milliseconds, stages as the proto's enum.</summary>
internal static class PerformanceReportMapping
{
    public static WireReport ToWire(CoreReport report, string scope)
    {
        var wire = new WireReport
        {
            Scope = scope,
            WindowSeconds = (int)report.Window.TotalSeconds,
            MeasuredSeconds = report.Measured.TotalSeconds,
            TheoremsCompleted = report.TheoremsCompleted,
            ObligationsCompleted = report.ObligationsCompleted,
            TheoremsPerSecond = report.TheoremsPerSecond,
            ObligationsPerSecond = report.ObligationsPerSecond,
            BusySlots = report.BusySlots,
            Slots = report.Slots,
            QueueLength = report.QueueLength,
            Utilisation = report.Utilisation,
            CacheHits = report.CacheHits,
            CacheLookups = report.CacheLookups,
            CacheHitRate = report.CacheHitRate,
            Bottleneck = report.Bottleneck is { } stage ? ToWire(stage) : PerformanceStage.Unspecified,
            Explanation = report.Explanation,
        };
        wire.Stages.AddRange(report.Stages.Select(s => new StageLatency
        {
            Stage = ToWire(s.Stage),
            Count = s.Count,
            P50Ms = s.P50 * 1000,
            P90Ms = s.P90 * 1000,
            P99Ms = s.P99 * 1000,
            MeanMs = s.Mean * 1000,
            TotalMs = s.Total * 1000,
        }));
        return wire;
    }

    public static PerformanceStage ToWire(CoreStage stage) => stage switch
    {
        CoreStage.Admission => PerformanceStage.Admission,
        CoreStage.Decomposition => PerformanceStage.Decomposition,
        CoreStage.QueueWait => PerformanceStage.QueueWait,
        CoreStage.Solver => PerformanceStage.Solver,
        CoreStage.Storage => PerformanceStage.Storage,
        CoreStage.Streaming => PerformanceStage.Streaming,
        _ => PerformanceStage.Unspecified,
    };
}

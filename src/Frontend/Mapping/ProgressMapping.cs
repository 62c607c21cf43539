using Google.Protobuf.WellKnownTypes;
using Hms.Grains.Messages;
using Hms.Frontend.V1;
using CoreKind = Hms.Grains.Messages.ProgressKind;
using WireKind = Hms.Frontend.V1.ProgressKind;

namespace Hms.Frontend.Mapping;

internal static class ProgressMapping
{
    public static ProveTheoremProgress ToWire(ProgressEvent e) => new()
    {
        TheoremId = e.TheoremId,
        Sequence = e.Sequence,
        Kind = ToWire(e.Kind),
        Timestamp = Timestamp.FromDateTimeOffset(e.At),
        ObligationCount = e.ObligationCount ?? 0,
        ObligationId = e.ObligationId ?? "",
        Description = e.Description ?? "",
        Strategy = e.Strategy ?? "",
        ObligationStatus = e.ObligationStatus is { } obligation
            ? ObligationMapping.ToWire(obligation)
            : Hms.Frontend.V1.ObligationStatus.Unspecified,
        TheoremStatus = e.TheoremStatus is { } theorem
            ? TheoremStatusMapping.ToWire(theorem)
            : Hms.Frontend.V1.TheoremStatus.Unspecified,
        ElapsedMs = e.ElapsedMs,
        Generation = e.Generation ?? 0,
        BestFitness = e.BestFitness ?? 0,
    };

    public static WireKind ToWire(CoreKind kind) => kind switch
    {
        CoreKind.Submitted => WireKind.Submitted,
        CoreKind.Decomposed => WireKind.Decomposed,
        CoreKind.ObligationStarted => WireKind.ObligationStarted,
        CoreKind.ObligationFinished => WireKind.ObligationFinished,
        CoreKind.Completed => WireKind.Completed,
        CoreKind.SearchProgress => WireKind.SearchProgress,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

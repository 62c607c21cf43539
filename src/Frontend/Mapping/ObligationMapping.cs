using Hms.Grains.Messages;
using CoreKind = Hms.Proving.Obligations.ObligationKind;
using CoreStatus = Hms.Proving.Proof.ObligationStatus;
using WireKind = Hms.Frontend.V1.ObligationKind;
using WireStatus = Hms.Frontend.V1.ObligationStatus;

namespace Hms.Frontend.Mapping;

internal static class ObligationMapping
{
    public static V1.Obligation ToWire(ObligationState obligation) => new()
    {
        Id = obligation.Id,
        Kind = ToWire(obligation.Kind),
        Description = obligation.Description,
        Status = ToWire(obligation.Status),
        Strategy = obligation.Strategy ?? "",
        ElapsedMs = obligation.ElapsedMs,
        Reason = obligation.Reason ?? "",
        ContentHash = obligation.ContentHash,
        Silo = obligation.Silo ?? "",
    };

    public static WireKind ToWire(CoreKind kind) => kind switch
    {
        CoreKind.Claim => WireKind.Claim,
        CoreKind.WellDefinedness => WireKind.WellDefinedness,
        CoreKind.Consistency => WireKind.Consistency,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static WireStatus ToWire(CoreStatus status) => status switch
    {
        CoreStatus.Pending => WireStatus.Pending,
        CoreStatus.Running => WireStatus.Running,
        CoreStatus.Proved => WireStatus.Proved,
        CoreStatus.Disproved => WireStatus.Disproved,
        CoreStatus.Unknown => WireStatus.Unknown,
        CoreStatus.Error => WireStatus.Error,
        CoreStatus.Cancelled => WireStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

using CoreStatus = Hms.Proving.Proof.TheoremStatus;
using WireStatus = Hms.Frontend.V1.TheoremStatus;

namespace Hms.Frontend.Mapping;

internal static class TheoremStatusMapping
{
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

    /// <summary>A status filter: UNSPECIFIED means any status (null); false for a value this version does not know.</summary>
    public static bool TryToFilter(WireStatus status, out CoreStatus? filter)
    {
        filter = status switch
        {
            WireStatus.Pending => CoreStatus.Pending,
            WireStatus.Running => CoreStatus.Running,
            WireStatus.Proved => CoreStatus.Proved,
            WireStatus.Disproved => CoreStatus.Disproved,
            WireStatus.Unknown => CoreStatus.Unknown,
            WireStatus.Error => CoreStatus.Error,
            WireStatus.Cancelled => CoreStatus.Cancelled,
            _ => null,
        };
        return filter is not null || status == WireStatus.Unspecified;
    }
}

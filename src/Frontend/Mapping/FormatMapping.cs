using CoreFormat = Hms.Proving.Documents.TheoremFormat;
using WireFormat = Hms.Frontend.V1.TheoremFormat;

namespace Hms.Frontend.Mapping;

internal static class FormatMapping
{
    /// <summary>UNSPECIFIED reads as infix, the core's default; false for a value this version does not know.</summary>
    public static bool TryToCore(WireFormat format, out CoreFormat core)
    {
        (var known, core) = format switch
        {
            WireFormat.Unspecified or WireFormat.Infix => (true, CoreFormat.Infix),
            WireFormat.Smtlib2 => (true, CoreFormat.Smtlib2),
            WireFormat.Lean4 => (true, CoreFormat.Lean4),
            _ => (false, CoreFormat.Infix),
        };
        return known;
    }

    public static WireFormat ToWire(CoreFormat format) => format switch
    {
        CoreFormat.Infix => WireFormat.Infix,
        CoreFormat.Smtlib2 => WireFormat.Smtlib2,
        CoreFormat.Lean4 => WireFormat.Lean4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

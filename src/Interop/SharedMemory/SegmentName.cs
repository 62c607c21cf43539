using System.Globalization;

namespace Hms.Interop.SharedMemory;

/// <summary>
/// The file name of a segment, PREFIX-PID-N: the pid says which process owns it (so a leftover of a dead process
/// can be recognised and removed) and N tells apart the segments of one process.
/// </summary>
internal readonly record struct SegmentName(string Prefix, int ProcessId, long Number)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{ProcessId}-{Number}");

    /// <summary>Reads a file name of this prefix; the prefix itself may contain dashes, so pid and N are read from the end.</summary>
    public static bool TryParse(string fileName, string prefix, out SegmentName name)
    {
        name = default;
        if (!fileName.StartsWith(prefix + "-", StringComparison.Ordinal))
            return false;
        var rest = fileName.AsSpan(prefix.Length + 1);
        var dash = rest.IndexOf('-');
        if (dash <= 0 || dash != rest.LastIndexOf('-'))
            return false;
        if (!int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(rest[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return false;
        name = new SegmentName(prefix, pid, number);
        return true;
    }
}

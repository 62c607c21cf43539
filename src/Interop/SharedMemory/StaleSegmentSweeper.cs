namespace Hms.Interop.SharedMemory;

/// <summary>
/// Removes segment files that no live process owns: those of a pid that has exited (a crash skips Dispose), and
/// those of this very pid that no pool here opened (a process before us had the same pid). A pid reused by an
/// unrelated live process keeps its leftovers until that process is gone.
/// </summary>
internal static class StaleSegmentSweeper
{
    public static IReadOnlyList<string> Sweep(string directory, string prefix)
    {
        var removed = new List<string>();
        if (!Directory.Exists(directory))
            return removed;
        foreach (var path in Directory.EnumerateFiles(directory, prefix + "-*"))
        {
            if (!SegmentName.TryParse(Path.GetFileName(path), prefix, out var name))
                continue;
            var stale = name.ProcessId == Environment.ProcessId
                ? !SharedSegment.IsOpenHere(path)
                : !IsAlive(name.ProcessId);
            if (!stale)
                continue;
            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's file, or removed meanwhile: not ours to clean up.
            }
        }
        return removed;
    }

    private static bool IsAlive(int processId) => Directory.Exists($"/proc/{processId}");
}

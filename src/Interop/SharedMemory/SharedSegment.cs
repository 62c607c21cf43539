using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;

namespace Hms.Interop.SharedMemory;

/// <summary>
/// One memory-mapped file under the shared-memory directory, mapped once for its whole life. Buffers are carved
/// from it front to back; the mapping's base is page-aligned, so every 64-byte multiple offset is 64-byte aligned.
/// </summary>
internal sealed unsafe class SharedSegment : IDisposable
{
    /// <summary>
    /// Paths of the segments this process has open, claimed before the file is created: a pool starting meanwhile
    /// sweeps this pid's unclaimed files, and must never take a segment being created for a leftover.
    /// </summary>
    private static readonly ConcurrentDictionary<string, byte> s_claimed = new(StringComparer.Ordinal);
    private static long s_nextNumber;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private long _carved;
    private int _disposed;

    private SharedSegment(string path, string name, long capacity, MemoryMappedFile file, MemoryMappedViewAccessor view, byte* start)
    {
        Path = path;
        Name = name;
        Capacity = capacity;
        _file = file;
        _view = view;
        Start = start;
    }

    public string Path { get; }

    /// <summary>The file name alone (PREFIX-PID-N), what another process needs besides the directory.</summary>
    public string Name { get; }

    public long Capacity { get; }

    public byte* Start { get; }

    public long Remaining => Capacity - _carved;

    internal static bool IsOpenHere(string path) => s_claimed.ContainsKey(path);

    /// <summary>Creates and maps a new segment file readable and writable by this user only.</summary>
    public static SharedSegment Create(string directory, string prefix, long capacity)
    {
        var name = new SegmentName(prefix, Environment.ProcessId, Interlocked.Increment(ref s_nextNumber) - 1).ToString();
        var path = System.IO.Path.Combine(directory, name);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        s_claimed[path] = 0;
        FileStream? stream = null;
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            stream = new FileStream(path, fileOptions);
            // On tmpfs the length costs nothing until pages are touched.
            stream.SetLength(capacity);
            file = MemoryMappedFile.CreateFromFile(stream, null, capacity, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            view = file.CreateViewAccessor(0, capacity, MemoryMappedFileAccess.ReadWrite);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new SharedSegment(path, name, capacity, file, view, start + view.PointerOffset);
        }
        catch
        {
            view?.Dispose();
            if (file is null)
                stream?.Dispose();
            else
                file.Dispose();
            if (stream is not null)
                File.Delete(path);
            s_claimed.TryRemove(path, out _);
            throw;
        }
    }

    /// <summary>Takes the next <paramref name="bytes"/> (a multiple of 64) from the uncarved tail.</summary>
    public bool TryCarve(long bytes, out long offset)
    {
        offset = _carved;
        if (bytes > Remaining)
            return false;
        _carved += bytes;
        return true;
    }

    /// <summary>Unmaps the segment and removes its file; another process that still maps it keeps its pages until it unmaps.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Already gone (someone swept it by hand): nothing is left to remove.
        }
        s_claimed.TryRemove(Path, out _);
    }
}

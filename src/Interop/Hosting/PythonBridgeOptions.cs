using Hms.Interop.SharedMemory;

namespace Hms.Interop.Hosting;

/// <summary>
/// Where the embedded interpreter comes from and how the bridge batches work; bound from the configuration
/// section <see cref="Section"/>. The interpreter settings are process-wide: CPython can be initialised once
/// per process, so the first bridge of a process fixes them (all but <see cref="MaxBatchSize"/> and
/// <see cref="SharedMemory"/>, which are each bridge's own) and a later bridge asking for others is refused.
/// </summary>
public sealed class PythonBridgeOptions
{
    public const string Section = "Hms:Python";

    /// <summary>Debian's shared libpython, never the pyenv one first on PATH: numpy comes from python3-numpy.</summary>
    public string Library { get; set; } = "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0";

    /// <summary>The prefix whose lib/python3.X holds the standard library that belongs to <see cref="Library"/>.</summary>
    public string Home { get; set; } = "/usr";

    /// <summary>
    /// What the interpreter reports as sys.executable. Embedded, it would otherwise name whatever python3 is first on
    /// PATH, and multiprocessing would start workers with a different Python than the one that has numpy.
    /// </summary>
    public string Executable { get; set; } = "/usr/bin/python3";

    /// <summary>
    /// Package folders searched after the standard library, separated by ':' like PYTHONPATH (a string, because the
    /// configuration binder would append to a list's default instead of replacing it). Debian's python3-numpy is in the first.
    /// </summary>
    public string SitePackages { get; set; } = "/usr/lib/python3/dist-packages";

    /// <summary>The folder that holds the hms_bridge package; by default the copy beside the binaries.</summary>
    public string PackageDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "python");

    /// <summary>Most calls run under one hold of the GIL; more waiting calls go into the next batch.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    public SharedMemoryOptions SharedMemory { get; set; } = new();

    /// <summary>A copy, so that a caller changing its options object later cannot half-apply to a running bridge.</summary>
    internal PythonBridgeOptions Snapshot() => new()
    {
        Library = Library,
        Home = Home,
        Executable = Executable,
        SitePackages = SitePackages,
        PackageDirectory = PackageDirectory,
        MaxBatchSize = MaxBatchSize,
        SharedMemory = SharedMemory.Snapshot(),
    };
}

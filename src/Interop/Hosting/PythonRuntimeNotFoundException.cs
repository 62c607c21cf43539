namespace Hms.Interop.Hosting;

/// <summary>The configured libpython does not exist, so no bridge can start.</summary>
[GenerateSerializer]
public sealed class PythonRuntimeNotFoundException : Exception
{
    public PythonRuntimeNotFoundException(string library)
        : base($"The Python library {library} does not exist. Install Debian's Python with " +
               "`apt-get install libpython3.11 python3-numpy`, or point Hms:Python:Library at a libpython3.X.so.")
    {
        Library = library;
    }

    [Id(0)]
    public string Library { get; }
}

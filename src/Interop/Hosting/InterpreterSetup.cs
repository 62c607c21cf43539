using Python.Runtime;

namespace Hms.Interop.Hosting;

/// <summary>
/// Makes the freshly initialised interpreter see Debian's Python and nothing else: the hms_bridge package, the
/// standard library under <see cref="PythonBridgeOptions.Home"/> and the configured site folders. Whatever the
/// environment added (PYTHONPATH, a user site, pyenv) is dropped, since .NET cannot unset variables that libpython
/// reads through its own environ.
/// </summary>
internal static class InterpreterSetup
{
    private const string Script = """
        import os, sys
        stdlib = os.path.join(home, "lib", f"python{sys.version_info.major}.{sys.version_info.minor}")
        stdlib_zip = os.path.join(home, "lib", f"python{sys.version_info.major}{sys.version_info.minor}.zip")
        kept = [p for p in sys.path if p == stdlib_zip or p == stdlib or p.startswith(stdlib + os.sep)]
        sys.path[:] = [package_dir] + kept + [p for p in site_packages.split(os.pathsep) if p]
        sys.executable = executable
        sys._base_executable = executable
        # The package lives beside the binaries; bytecode files there would be stale after the next build.
        sys.dont_write_bytecode = True
        import hms_bridge.views, hms_bridge.calls
        """;

    /// <summary>Runs on the Python thread, right after Initialize, holding the GIL.</summary>
    public static void Apply(PythonBridgeOptions options)
    {
        using var scope = Py.CreateScope();
        scope.Set("home", options.Home);
        scope.Set("package_dir", options.PackageDirectory);
        scope.Set("site_packages", options.SitePackages);
        scope.Set("executable", options.Executable);
        scope.Exec(Script);
    }

    /// <summary>"3.11.2" and NumPy's version, or null when NumPy cannot be imported (calls that need it will say so).</summary>
    public static (string Python, string? NumPy) Versions()
    {
        using var sys = Py.Import("sys");
        using var info = sys.GetAttr("version_info");
        var python = $"{info[0]}.{info[1]}.{info[2]}";
        using var views = Py.Import("hms_bridge.views");
        using var numpy = views.GetAttr("numpy");
        if (numpy.IsNone())
            return (python, null);
        using var version = numpy.GetAttr("__version__");
        return (python, version.As<string>());
    }
}

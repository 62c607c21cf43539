namespace Hms.Service.Tests.Hosting;

/// <summary>Where the built `hms` command, pg-local.sh and the shared corpus are, found from the test assembly.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no HmsOrleans.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The folder holding HmsOrleans.sln.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>Debug or Release: the test assembly lives in bin/&lt;Configuration&gt;/net10.0, and hms.dll is built alike.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The `hms` command line, built by the project reference to src/Cli.</summary>
    public static string HmsDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "Cli", "bin", Configuration, "net10.0", "hms.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"hms.dll is not built: {path}");
        }
    }

    public static string PgLocalScript => Path.Combine(Root, "src", "Silo", "Storage", "pg-local.sh");

    /// <summary>The public economics corpus beside the repository (../shared/corpus/economics).</summary>
    public static string EconomicsCorpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "economics"));
            return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"no corpus at {path}");
        }
    }
}

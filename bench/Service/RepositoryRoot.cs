namespace Hms.Service.Bench;

/// <summary>The repository the benchmark was built in: the folder above it that holds the `hms` script.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hms")) && File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no repository (a folder with `hms` and HmsOrleans.sln) above {AppContext.BaseDirectory}");
    }
}

namespace Hms.Deploy.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    public static string Dockerfile => Path.Combine(Root, "deploy", "Dockerfile");

    public static string Validator => Path.Combine(Root, "deploy", "validate");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no HmsOrleans.sln above {AppContext.BaseDirectory}");
    }
}

namespace Hms.Proving.Tests.Documents;

/// <summary>Finds the shared corpus next to the repository, wherever the tests run from.</summary>
internal static class CorpusLocator
{
    public static string CorpusRoot { get; } = Locate();

    public static string Economics => Path.Combine(CorpusRoot, "economics");

    public static string SmtLib => Path.Combine(CorpusRoot, "smtlib");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            }
        }

        throw new InvalidOperationException($"no HmsOrleans.sln above {AppContext.BaseDirectory}");
    }
}

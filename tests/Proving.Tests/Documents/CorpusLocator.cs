namespace Hms.Proving.Tests.Documents;

/// <summary>Finds the shared corpus next to the repository, wherever the tests run from.</summary>
internal static class CorpusLocator
{
    public static string CorpusRoot { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus"));

    /// <summary>The repository's own examples (examples/, with the textbook corpus under examples/textbook).</summary>
    public static string ExamplesRoot { get; } = Path.Combine(RepositoryRoot(), "examples");

    public static string Economics => Path.Combine(CorpusRoot, "economics");

    public static string SmtLib => Path.Combine(CorpusRoot, "smtlib");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no HmsOrleans.sln above {AppContext.BaseDirectory}");
    }
}

using Hms.Proving.Compiling;
using Hms.Proving.Documents;

namespace Hms.Interop.Tests.Genetic;

/// <summary>The shared economics corpus next to the repository, wherever the tests run from.</summary>
internal static class GeneticCorpus
{
    public static string Economics { get; } = Locate();

    /// <summary>Every infix theorem the corpus expects to be disproved, by id.</summary>
    public static IReadOnlyDictionary<string, TheoremDocument> FalseInfixTheorems { get; } =
        TheoremFileLoader.FindTheoremFiles(Economics)
            .SelectMany(file => TheoremFileLoader.Load(file).Theorems)
            .Where(t => t.Format == TheoremFormat.Infix && t.Expected == ExpectedVerdict.Disproved)
            .ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>Every infix theorem the corpus expects to be proved, by id.</summary>
    public static IReadOnlyDictionary<string, TheoremDocument> TrueInfixTheorems { get; } =
        TheoremFileLoader.FindTheoremFiles(Economics)
            .SelectMany(file => TheoremFileLoader.Load(file).Theorems)
            .Where(t => t.Format == TheoremFormat.Infix && t.Expected == ExpectedVerdict.Proved)
            .ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static CompiledTheorem Compile(string id) =>
        TheoremCompiler.Compile(FalseInfixTheorems.TryGetValue(id, out var theorem) ? theorem : TrueInfixTheorems[id]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "economics"));
        }
        throw new InvalidOperationException($"no HmsOrleans.sln above {AppContext.BaseDirectory}");
    }
}

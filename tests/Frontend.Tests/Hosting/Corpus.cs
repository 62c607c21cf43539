using Hms.Frontend.V1;
using Hms.Proving.Documents;
using CoreFormat = Hms.Proving.Documents.TheoremFormat;
using WireFormat = Hms.Frontend.V1.TheoremFormat;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>Theorems of the shared economics corpus, as a client would send them.</summary>
public static class Corpus
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HmsOrleans.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "economics"));
            }
        }

        throw new DirectoryNotFoundException($"no HmsOrleans.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The theorem with <paramref name="id"/> in the corpus file <paramref name="file"/>.</summary>
    public static Theorem Load(string file, string id)
    {
        var loaded = TheoremFileLoader.Load(Path.Combine(Folder.Value, file));
        Assert.Empty(loaded.Errors);
        return ToWire(loaded.Theorems.Single(t => t.Id == id));
    }

    private static Theorem ToWire(TheoremDocument document)
    {
        var theorem = new Theorem
        {
            Id = document.Id,
            Name = document.Name ?? "",
            Domain = document.Domain ?? "",
            Statement = document.Statement,
            LeanCode = document.LeanCode ?? "",
            Format = document.Format switch
            {
                CoreFormat.Smtlib2 => WireFormat.Smtlib2,
                CoreFormat.Lean4 => WireFormat.Lean4,
                _ => WireFormat.Infix,
            },
            TimeoutSeconds = document.TimeoutSeconds ?? 0,
            UseGeneticOptimization = document.UseGeneticOptimization,
        };
        theorem.Assumptions.AddRange(document.Assumptions);
        theorem.Strategies.AddRange(document.Strategies);
        foreach (var (name, sort) in document.Variables)
        {
            theorem.Variables[name] = sort.ToString();
        }

        foreach (var (key, value) in document.Metadata)
        {
            theorem.Metadata[key] = value;
        }

        return theorem;
    }
}

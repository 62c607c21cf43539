using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class FindTheoremFilesTests
{
    [Fact]
    public void FindsTheoremFilesRecursivelyInOrdinalOrder()
    {
        using var folder = new TempFolder();
        var expected = new[] { "B.yml", "a.yaml", "sub/Z.smt2", "sub/deeper/c.json" }
            .Select(f => folder.Write(f, "statement: a\n"))
            .Order(StringComparer.Ordinal)
            .ToList();
        folder.Write("README.md", "# not a theorem");
        folder.Write("sub/INDEX.tsv", "file\tlogic");
        folder.Write(".hidden/x.yaml", "statement: a\n");

        Assert.Equal(expected, TheoremFileLoader.FindTheoremFiles(folder.Path));
    }

    [Fact]
    public void DoesNotFollowFolderLinks()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating links needs extra privileges there
        }

        using var folder = new TempFolder();
        var real = folder.Write("sub/a.yaml", "statement: a\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "loop"), folder.Path);
        var fileLink = Path.Combine(folder.Path, "link.yaml");
        File.CreateSymbolicLink(fileLink, real);

        Assert.Equal([fileLink, real], TheoremFileLoader.FindTheoremFiles(folder.Path));
    }

    [Fact]
    public void AFileIsItsOwnList()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.txt", "x");

        Assert.Equal([path], TheoremFileLoader.FindTheoremFiles(path));
    }

    [Fact]
    public void MissingPathThrowsDocumentException()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<DocumentException>(() => TheoremFileLoader.FindTheoremFiles(path));

        Assert.Equal($"{path}: no such file or directory (expected a theorem file or a folder of them)", exception.Message);
    }

    [Fact]
    public void SkipsTheCorpusReadmeAndIndex()
    {
        var files = TheoremFileLoader.FindTheoremFiles(CorpusLocator.CorpusRoot);

        Assert.DoesNotContain(files, f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }
}

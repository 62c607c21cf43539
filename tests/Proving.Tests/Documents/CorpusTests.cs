using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class CorpusTests
{
    [Fact]
    public void EveryCorpusFileLoadsWithoutErrors()
    {
        var files = TheoremFileLoader.FindTheoremFiles(CorpusLocator.CorpusRoot);
        var loaded = files.Select(TheoremFileLoader.Load).ToList();

        Assert.Empty(loaded.SelectMany(f => f.Errors).Select(e => e.ToString()));
        Assert.Equal(43 + 105, files.Count);
        Assert.All(loaded, f => Assert.NotEmpty(f.Theorems));
    }

    [Fact]
    public void EconomicsCorpusHoldsItsDocumentedTheorems()
    {
        var theorems = TheoremFileLoader.FindTheoremFiles(CorpusLocator.Economics)
            .SelectMany(f => TheoremFileLoader.Load(f).Theorems)
            .ToList();

        Assert.Equal(46, theorems.Count);
        Assert.Equal(46, theorems.Select(t => t.Id).Distinct().Count());
        Assert.All(theorems, t => Assert.NotNull(t.Expected));
        Assert.Equal(3, theorems.Count(t => t.Format == TheoremFormat.Smtlib2));
        Assert.Contains(theorems, t => t.Variables.Any(v => v.Value == Sort.Int));
        Assert.Contains(theorems, t => t.Variables.Any(v => v.Value == Sort.Bool));
    }

    [Fact]
    public void SmtLibCorpusVerdictsMatchTheIndex()
    {
        var index = File.ReadAllLines(Path.Combine(CorpusLocator.SmtLib, "INDEX.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .ToDictionary(cells => Path.GetFileNameWithoutExtension(cells[0]), cells => cells[2]);

        var theorems = TheoremFileLoader.FindTheoremFiles(CorpusLocator.SmtLib)
            .SelectMany(f => TheoremFileLoader.Load(f).Theorems)
            .ToList();

        Assert.Equal(105, theorems.Count);
        Assert.All(theorems, t =>
        {
            var expected = index[t.Id] == "unsat" ? ExpectedVerdict.Proved : ExpectedVerdict.Disproved;
            Assert.Equal(expected, t.Expected);
            Assert.Equal(TheoremFormat.Smtlib2, t.Format);
        });
    }

    [Fact]
    public void CorpusYamlWithIntComments()
    {
        var file = TheoremFileLoader.Load(Path.Combine(CorpusLocator.Economics, "auction_second_price_grid.yaml"));

        var theorem = Assert.Single(file.Theorems);
        Assert.Equal(["v", "b", "h"], theorem.Variables.Select(v => v.Key).Take(3));
        Assert.All(theorem.Variables.Take(3), v => Assert.Equal(Sort.Int, v.Value));
    }
}

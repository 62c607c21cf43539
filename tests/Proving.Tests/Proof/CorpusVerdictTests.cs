using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Tests.Documents;
using Xunit.Abstractions;

namespace Hms.Proving.Tests.Proof;

/// <summary>
/// Every theorem of the shared corpus, and of the repository's examples/ (the textbook corpus among them), against
/// its expected verdict. A PROVED/DISPROVED swap is the worst
/// bug the product can ship and always fails; an UNKNOWN because a solver ran out of time is reported as a miss.
/// </summary>
[Collection(ProverCollection.Name)]
public sealed class CorpusVerdictTests(ProverFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> Theorems() => TheoremsUnder(CorpusLocator.CorpusRoot);

    public static TheoryData<string, string> Examples() => TheoremsUnder(CorpusLocator.ExamplesRoot);

    private static TheoryData<string, string> TheoremsUnder(string root)
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TheoremFileLoader.FindTheoremFiles(root))
        {
            foreach (var theorem in TheoremFileLoader.Load(file).Theorems)
                data.Add(Path.GetRelativePath(root, file), theorem.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Theorems))]
    public Task Verdict_matches_expected(string file, string id) => CheckAsync(CorpusLocator.CorpusRoot, file, id);

    [Theory]
    [MemberData(nameof(Examples))]
    public Task Example_verdict_matches_expected(string file, string id) => CheckAsync(CorpusLocator.ExamplesRoot, file, id);

    private async Task CheckAsync(string root, string file, string id)
    {
        var theorem = TheoremFileLoader.Load(Path.Combine(root, file)).Theorems.Single(t => t.Id == id);
        var result = await fixture.ProveAsync(theorem);
        var expected = theorem.Expected ?? throw new InvalidOperationException($"{file}: {id} has no expected verdict");

        Assert.NotEqual(TheoremStatus.Error, result.Status);
        if (result.Status == TheoremStatus.Unknown)
        {
            // A solver running out of time on a slow machine is a miss; any other reason (a model we could not
            // confirm, a script we could not send) is a defect of ours and fails.
            Assert.True(result.Error?.Contains("timeout", StringComparison.Ordinal) == true,
                $"{file}: {id}: UNKNOWN for a reason other than a timeout: {result.Error}");
            output.WriteLine($"MISS: {file}: {id}: expected {expected}, got UNKNOWN: {result.Error}");
            return;
        }
        var want = expected == ExpectedVerdict.Proved ? TheoremStatus.Proved : TheoremStatus.Disproved;
        Assert.True(want == result.Status, $"{file}: {id}: expected {expected}, got {result.Status} ({result.Counterexample?.Explanation})");
        if (result.Status == TheoremStatus.Disproved)
            Assert.NotNull(result.Counterexample);
    }

    [Fact]
    public void The_corpus_is_there() => Assert.True(Theorems().Count >= 150, $"found {Theorems().Count} corpus theorems");

    [Fact]
    public void The_textbook_corpus_is_there() =>
        Assert.True(TheoremsUnder(Path.Combine(CorpusLocator.ExamplesRoot, "textbook")).Count >= 25, "fewer than 25 textbook theorems");
}

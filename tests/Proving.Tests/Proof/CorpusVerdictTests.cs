using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Tests.Documents;
using Xunit.Abstractions;

namespace Hms.Proving.Tests.Proof;

/// <summary>
/// Every theorem of the shared corpus against its expected verdict. A PROVED/DISPROVED swap is the worst
/// bug the product can ship and always fails; an UNKNOWN because a solver ran out of time is reported as a miss.
/// </summary>
[Collection(ProverCollection.Name)]
public sealed class CorpusVerdictTests(ProverFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> Theorems()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TheoremFileLoader.FindTheoremFiles(CorpusLocator.CorpusRoot))
        {
            foreach (var theorem in TheoremFileLoader.Load(file).Theorems)
                data.Add(Path.GetRelativePath(CorpusLocator.CorpusRoot, file), theorem.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Theorems))]
    public async Task Verdict_matches_expected(string file, string id)
    {
        var theorem = TheoremFileLoader.Load(Path.Combine(CorpusLocator.CorpusRoot, file)).Theorems.Single(t => t.Id == id);
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
}

using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Tests.Proof;

namespace Hms.Proving.Tests.Smt;

/// <summary>Our own SMT-LIB goes through the same strict reader as a user's: the deepest formula must still pass.</summary>
[Collection(ProverCollection.Name)]
public sealed class EncoderOutputTests(ProverFixture fixture)
{
    [Fact]
    public async Task The_longest_operator_chain_the_language_allows_is_still_read_and_proved()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("x", Hms.Proving.Syntax.FormulaLimits.MaxHeight - 10));
        var document = new TheoremDocument
        {
            Id = "chain", Variables = [new("x", Sort.Int)], Assumptions = ["x >= 0"], Statement = $"{chain} >= 0",
        };

        var result = await fixture.ProveAsync(document);

        Assert.True(result.Status == TheoremStatus.Proved, $"{result.Status}: {result.Error}");
    }
}

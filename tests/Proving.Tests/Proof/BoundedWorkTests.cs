using Hms.Proving.Documents;
using Hms.Proving.Proof;

namespace Hms.Proving.Tests.Proof;

/// <summary>
/// Issue 7, findings 5 and 6 through the prover: an oversized formula is an ERROR naming where and why, found
/// before any solver runs, and a cancelled proof stops before compiling.
/// </summary>
[Collection(ProverCollection.Name)]
public sealed class BoundedWorkTests(ProverFixture fixture)
{
    [Theory]
    [InlineData("x^(((10^64)^64)^64) >= 0", "statement 1:3: constant too large")]
    [InlineData("((x^64)^64)^64 >= 0", "statement 1:1: expression too large")]
    [InlineData("x^(9999999999/2) >= 0", "statement 1:3: exponent too large: 9999999999/2")]
    public async Task An_oversized_formula_is_an_error_with_its_position_and_no_solver_runs(string statement, string expected)
    {
        var goalsBefore = fixture.Pool.Statistics.GoalsRun;

        var result = await fixture.ProveAsync(new TheoremDocument { Id = "big", Statement = statement }, new ProofOptions { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(TheoremStatus.Error, result.Status);
        Assert.Contains(expected, result.Error);
        Assert.True(result.Error!.Length < 400, result.Error);
        Assert.Empty(result.Obligations);
        Assert.Equal(goalsBefore, fixture.Pool.Statistics.GoalsRun);
    }

    [Fact]
    public async Task A_proof_cancelled_before_it_starts_does_not_compile_or_solve()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var goalsBefore = fixture.Pool.Statistics.GoalsRun;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.ProveAsync(new TheoremDocument { Id = "c", Statement = "x + 1 > x" }, ct: cancelled.Token));

        Assert.Equal(goalsBefore, fixture.Pool.Statistics.GoalsRun);
    }
}

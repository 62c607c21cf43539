using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;
using Hms.Proving.Tests.Solvers;

namespace Hms.Proving.Tests.Proof;

/// <summary>Every goal of a proof reaches the pool under one owner: the caller's, or else the theorem's id.</summary>
public sealed class OwnerTests
{
    private static async Task<List<string?>> OwnersOf(ProofOptions options)
    {
        await using var fake = new FakePool(FakePool.Answering("unsat"));
        var owners = new List<string?>();
        fake.Pool.GoalStarted += (_, request) =>
        {
            lock (owners) owners.Add(request.Owner);
        };
        var prover = new TheoremProver(new ObligationProver(fake.Pool));

        var result = await prover.ProveAsync(
            new TheoremDocument { Id = "budget-share", Assumptions = ["m > 0"], Statement = "m / m = 1" }, options);

        Assert.Equal(TheoremStatus.Proved, result.Status);
        return owners;
    }

    [Fact]
    public async Task Goals_belong_to_the_theorem_by_default()
    {
        var owners = await OwnersOf(new ProofOptions());

        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal("budget-share", o));
    }

    [Fact]
    public async Task A_caller_can_name_a_wider_owner()
    {
        var owners = await OwnersOf(new ProofOptions { Owner = "client-7" });

        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal("client-7", o));
    }
}

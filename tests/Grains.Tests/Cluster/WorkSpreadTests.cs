using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests.Cluster;

/// <summary>One theorem's obligations use the solvers of several silos, and a full queue is never a verdict.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class WorkSpreadTests(MultiSiloFixture fixture)
{
    private async Task<TheoremSnapshot> ProveAsync(TheoremSpec spec)
    {
        var grain = fixture.Client.GetGrain<ITheoremGrain>(spec.Id);
        Assert.Equal(SubmitOutcome.Accepted, (await grain.SubmitAsync(spec, new ProveSettings(), false)).Outcome);
        await ClusterRuns.FollowAsync(fixture.Client, spec.Id);
        return (await grain.GetAsync())!;
    }

    [Fact]
    public async Task Obligations_of_one_theorem_are_proved_on_several_silos()
    {
        // Nine obligations of two goals each, two slots per silo: more than one silo can hold.
        var proved = await ProveAsync(ClusterRuns.Quick($"spread-{Guid.NewGuid():N}", claims: 8));

        Assert.Equal(TheoremStatus.Proved, proved.Status);
        Assert.All(proved.Obligations, o => Assert.Equal(ObligationStatus.Proved, o.Status));
        Assert.All(proved.Obligations, o => Assert.False(string.IsNullOrEmpty(o.Silo)));
        var silos = proved.Obligations.Select(o => o.Silo).Distinct().ToList();
        Assert.True(silos.Count >= 2, $"every obligation ran on {string.Join(", ", silos)}");
        var cluster = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress.ToParsableString()).ToHashSet();
        Assert.Subset(cluster, silos.ToHashSet()!);
    }

    [Fact]
    public async Task A_full_solver_queue_is_no_stored_error()
    {
        // Four theorems of 13 obligations at once: 104 goals for a cluster of 6 slots and 6 queue places, so
        // queues are full again and again; every obligation must still be decided.
        var specs = Enumerable.Range(0, 4).Select(i => ClusterRuns.Quick($"queue-full-{i}-{Guid.NewGuid():N}", claims: 12)).ToList();

        var proved = await Task.WhenAll(specs.Select(ProveAsync));

        Assert.All(proved, p =>
        {
            Assert.Equal(TheoremStatus.Proved, p.Status);
            Assert.Null(p.Verdict!.Error);
            Assert.All(p.Obligations, o => Assert.Equal(ObligationStatus.Proved, o.Status));
        });
    }
}

using Hms.Grains.Messages;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests;

/// <summary>
/// Memory storage must read back what it wrote once a grain is deactivated, as an idle grain is after
/// 15 minutes; the tests force the collection instead of waiting for it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReactivationTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}";

    private async Task<TheoremSnapshot> ProveAsync(TheoremSpec spec)
    {
        var grain = Client.GetGrain<ITheoremGrain>(spec.Id);
        Assert.Equal(SubmitOutcome.Accepted, (await grain.SubmitAsync(spec, new(), false)).Outcome);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var _ in ProgressFeed.WatchAsync(Client, spec.Id, 0, timeout.Token))
        {
        }
        return (await grain.GetAsync())!;
    }

    /// <summary>Deactivates every idle grain and checks that the ones named are gone.</summary>
    private async Task DeactivateAllAsync(params IAddressable[] mustBeGone)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        foreach (var grain in mustBeGone)
            Assert.Null(await management.GetActivationAddress(grain));
    }

    [Fact]
    public async Task Theorems_the_catalog_and_the_proof_cache_survive_deactivation()
    {
        // Collection expressions, as the gRPC mapping builds them: their runtime types are compiler-generated.
        List<string> assumptions = ["u >= 0", "v >= 0"];
        var first = new TheoremSpec { Id = NewId("reactivate-a"), Statement = "u * v + u >= 0", Assumptions = [.. assumptions] };
        var proved = await ProveAsync(first);
        Assert.Equal(TheoremStatus.Proved, proved.Status);
        var claim = proved.Obligations.Single(o => o.Kind == ObligationKind.Claim);
        var cache = Client.GetGrain<IProofCacheGrain>($"{claim.ContentHash}/{string.Join(",", proved.SolverVersions)}");
        Assert.NotNull(await cache.GetAsync());
        var theorem = Client.GetGrain<ITheoremGrain>(first.Id);
        var events = await theorem.GetEventsAsync(0);

        await DeactivateAllAsync(theorem, cache);

        // GetTheorem: the stored state reads back whole.
        var reread = await theorem.GetAsync();
        Assert.NotNull(reread);
        Assert.Equal(TheoremStatus.Proved, reread.Status);
        Assert.Equivalent(proved.Obligations, reread.Obligations, strict: true);
        Assert.Equal(proved.LastSequence, reread.LastSequence);
        // The events read back from the journal, each once.
        Assert.Equal(events, await theorem.GetEventsAsync(0));
        Assert.Equal(proved.LastSequence, events[^1].Sequence);
        // ListTheorems: the catalogue lists it with its final status.
        await DeactivateAllAsync(theorem, cache);
        var page = await fixture.Index.ListAsync(1000, null, null, TheoremStatus.Proved);
        Assert.Contains(first.Id, page.TheoremIds);
        // A resubmission of the same content is recognised against the stored hash.
        await DeactivateAllAsync(theorem, cache);
        Assert.Equal(SubmitOutcome.Unchanged, (await theorem.SubmitAsync(first, new(), false)).Outcome);
        // A new theorem sharing the proved obligation reads it from the cache after its reactivation.
        await DeactivateAllAsync(theorem, cache);
        var second = new TheoremSpec
        {
            Id = NewId("reactivate-b"), Name = "the same claim", Statement = "u * v + u >= 0", Assumptions = [.. assumptions.AsEnumerable().Reverse()],
        };
        var fromCache = await ProveAsync(second);
        Assert.Equal(TheoremStatus.Proved, fromCache.Status);
        Assert.Contains(fromCache.Obligations, o => o.Kind == ObligationKind.Claim && o.Strategy == ObligationProver.Cache);
    }

    [Fact]
    public async Task A_disproved_theorem_keeps_its_counterexample_across_deactivation()
    {
        var spec = new TheoremSpec { Id = NewId("reactivate-ce"), Statement = "w^2 >= w", Assumptions = [.. new[] { "w > -5" }] };
        var disproved = await ProveAsync(spec);
        Assert.Equal(TheoremStatus.Disproved, disproved.Status);
        var theorem = Client.GetGrain<ITheoremGrain>(spec.Id);

        await DeactivateAllAsync(theorem);

        var reread = await theorem.GetAsync();
        Assert.Equivalent(disproved.Verdict, reread!.Verdict, strict: true);
        Assert.Equivalent(disproved.Obligations, reread.Obligations, strict: true);
    }
}

using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// Issue 7, finding 3 through gRPC (the grain-level test is Grains.Tests' ReactivationTests): with memory storage,
/// GetTheorem, ListTheorems and a resubmission still work once every grain has been deactivated, as an idle one is
/// after 15 minutes. The test forces the collection instead of waiting.
/// </summary>
[Collection(FrontendCollection.Name)]
public sealed class ReactivationTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    private Task DeactivateAllAsync() =>
        host.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    [Fact]
    public async Task Get_list_and_resubmit_serve_after_the_grains_are_deactivated()
    {
        var first = new Theorem { Id = "reactivate-grpc-a", Domain = "reactivate_grpc", Statement = "u * v + u >= 0", Assumptions = { "u >= 0", "v >= 0" } };
        first.Metadata["source"] = "finding 3";
        var proved = (await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = first }, deadline: Calls.Deadline())).Theorem;
        Assert.Equal(TheoremStatus.Proved, proved.Status);

        await DeactivateAllAsync();
        var reread = await Client.GetTheoremAsync(new GetTheoremRequest { Id = first.Id }, deadline: Calls.Deadline());
        Assert.Equal(proved, reread);

        await DeactivateAllAsync();
        var page = await Client.ListTheoremsAsync(new ListTheoremsRequest { Domain = "reactivate_grpc", Status = TheoremStatus.Proved },
            deadline: Calls.Deadline());
        Assert.Equal([first.Id], page.Theorems.Select(t => t.Id));

        await DeactivateAllAsync();
        var again = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = first }, deadline: Calls.Deadline());
        Assert.Equal(TheoremStatus.Proved, again.Status);

        // A new theorem sharing the proved claim reads it from the proof cache after the cache's reactivation.
        await DeactivateAllAsync();
        var second = new Theorem { Id = "reactivate-grpc-b", Domain = "reactivate_grpc", Statement = "u * v + u >= 0", Assumptions = { "v >= 0", "u >= 0" } };
        var fromCache = (await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = second }, deadline: Calls.Deadline())).Theorem;
        Assert.Equal(TheoremStatus.Proved, fromCache.Status);
        Assert.Contains(fromCache.Obligations, o => o.Kind == ObligationKind.Claim && o.Strategy == "cache");
    }
}

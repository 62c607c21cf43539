using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>Issue 7, finding 7: DeleteTheorem removes a theorem from GetTheorem and ListTheorems.</summary>
[Collection(FrontendCollection.Name)]
public sealed class DeleteTheoremTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task A_deleted_theorem_is_gone_from_get_and_list_and_a_second_delete_is_not_found()
    {
        foreach (var id in new[] { "delete-a", "delete-b", "delete-c" })
            await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Theorems.Trivial(id, "delete_tests") }, deadline: Calls.Deadline());

        await Client.DeleteTheoremAsync(new DeleteTheoremRequest { Id = "delete-b" }, deadline: Calls.Deadline());

        Assert.Equal(StatusCode.NotFound, await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = "delete-b" }, deadline: Calls.Deadline()).ResponseAsync));
        var page = await Client.ListTheoremsAsync(new ListTheoremsRequest { Domain = "delete_tests" }, deadline: Calls.Deadline());
        Assert.Equal(["delete-a", "delete-c"], page.Theorems.Select(t => t.Id));
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DeleteTheoremAsync(new DeleteTheoremRequest { Id = "delete-b" }, deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        Assert.Equal("no theorem has id 'delete-b'", again.Status.Detail);
    }

    [Fact]
    public async Task Deleting_an_unknown_id_is_not_found_and_a_bad_id_invalid_argument()
    {
        Assert.Equal(StatusCode.NotFound, await Calls.StatusOfAsync(() =>
            Client.DeleteTheoremAsync(new DeleteTheoremRequest { Id = "delete-never-submitted" }, deadline: Calls.Deadline()).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Calls.StatusOfAsync(() =>
            Client.DeleteTheoremAsync(new DeleteTheoremRequest { Id = "../etc" }, deadline: Calls.Deadline()).ResponseAsync));
    }

    [Fact]
    public async Task Deleting_a_running_theorem_ends_its_proof_and_the_id_can_be_submitted_anew()
    {
        var endless = Theorems.Endless("delete-running");
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = endless }, deadline: Calls.Deadline());
        using var watch = Client.WatchTheorem(new WatchTheoremRequest { Id = endless.Id }, deadline: Calls.Deadline());
        // The first event shows the watch is being served before the theorem goes.
        Assert.True(await watch.ResponseStream.MoveNext());

        await Client.DeleteTheoremAsync(new DeleteTheoremRequest { Id = endless.Id }, deadline: Calls.Deadline());

        // The watcher's stream ends rather than hang (whether its last poll still saw the Completed event or
        // already found no theorem); the deadline would fail the test.
        await foreach (var _ in watch.ResponseStream.ReadAllAsync())
        {
        }
        Assert.Equal(StatusCode.NotFound, await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = endless.Id }, deadline: Calls.Deadline()).ResponseAsync));
        // Another document under the id is no longer ALREADY_EXISTS.
        var replacement = Theorems.Trivial(endless.Id, "delete_tests_other");
        var proved = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = replacement }, deadline: Calls.Deadline());
        Assert.Equal(TheoremStatus.Proved, proved.Theorem.Status);
    }
}

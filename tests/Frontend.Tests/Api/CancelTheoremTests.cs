using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class CancelTheoremTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Cancelling_a_running_proof_ends_it_cancelled()
    {
        var theorem = Theorems.Endless("cancel-running");
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        var handle = await Client.CancelTheoremAsync(new CancelTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());

        Assert.Equal(new TheoremHandle { Id = theorem.Id, Status = TheoremStatus.Cancelled }, handle);
        var events = await Client.WatchToEndAsync(theorem.Id);
        Assert.Equal(ProgressKind.Completed, events[^1].Kind);
        Assert.Equal(TheoremStatus.Cancelled, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task Cancelling_a_decided_theorem_keeps_its_verdict()
    {
        var theorem = Theorems.Trivial("cancel-decided");
        await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        var handle = await Client.CancelTheoremAsync(new CancelTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());

        Assert.Equal(TheoremStatus.Proved, handle.Status);
    }

    [Fact]
    public async Task Cancelling_an_unknown_theorem_is_not_found()
    {
        var status = await Calls.StatusOfAsync(() =>
            Client.CancelTheoremAsync(new CancelTheoremRequest { Id = "cancel-nobody" }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, status);
    }
}

using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class OverloadTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Past_the_limit_of_long_calls_the_next_is_resource_exhausted_at_once()
    {
        var theorem = Theorems.Endless("overload-endless");
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());
        var watches = new List<AsyncServerStreamingCall<ProveTheoremProgress>>();
        try
        {
            for (var i = 0; i < FrontendHost.MaxInFlightProofs; i++)
            {
                var watch = Client.WatchTheorem(new WatchTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());
                watches.Add(watch);
                // The first event arrives only once the server has taken a slot for this call.
                Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
            }

            var watchStatus = await Calls.StatusOfAsync(() => Client.WatchToEndAsync(theorem.Id));
            var proveStatus = await Calls.StatusOfAsync(() =>
                Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline()).ResponseAsync);

            Assert.Equal(StatusCode.ResourceExhausted, watchStatus);
            Assert.Equal(StatusCode.ResourceExhausted, proveStatus);
        }
        finally
        {
            await Client.CancelTheoremAsync(new CancelTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());
            foreach (var watch in watches)
            {
                // Each watch ends after the cancellation's completion event, giving its slot back.
                while (await watch.ResponseStream.MoveNext(CancellationToken.None))
                {
                }

                watch.Dispose();
            }
        }

        // The slots are free again.
        var events = await Client.WatchToEndAsync(theorem.Id);
        Assert.Equal(TheoremStatus.Cancelled, events[^1].TheoremStatus);
    }
}

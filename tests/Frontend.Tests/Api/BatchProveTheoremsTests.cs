using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class BatchProveTheoremsTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Results_keep_the_request_order_and_a_bad_theorem_is_an_error_of_its_own()
    {
        var proved = Theorems.Trivial("batch-order-proved");
        var bad = Theorems.Trivial("batch-order-bad");
        bad.Statement = "x + > 1";
        var disproved = Theorems.Trivial("batch-order-disproved");
        disproved.Statement = "x > 0";
        var request = new BatchProveTheoremsRequest
        {
            Theorems =
            {
                new TheoremToProve { Theorem = disproved, Options = new ProveOptions { Priority = -1 } },
                new TheoremToProve { Theorem = bad },
                new TheoremToProve { Theorem = proved, Options = new ProveOptions { Priority = 5 } },
            },
        };

        var reply = await Client.BatchProveTheoremsAsync(request, deadline: Calls.Deadline());

        Assert.Equal(3, reply.Results.Count);
        Assert.Equal(disproved.Id, reply.Results[0].Theorem.Id);
        Assert.Equal(TheoremStatus.Disproved, reply.Results[0].Theorem.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, reply.Results[1].Error.Code);
        Assert.StartsWith("theorems[1]: theorem 'batch-order-bad': statement", reply.Results[1].Error.Message);
        Assert.Equal(proved.Id, reply.Results[2].Theorem.Id);
        Assert.Equal(TheoremStatus.Proved, reply.Results[2].Theorem.Status);
        // Nothing was stored for the bad one.
        Assert.Equal(StatusCode.NotFound, await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = bad.Id }, deadline: Calls.Deadline()).ResponseAsync));
    }

    [Fact]
    public async Task The_read_mask_trims_every_theorem_of_the_reply()
    {
        var request = new BatchProveTheoremsRequest
        {
            Theorems = { new TheoremToProve { Theorem = Theorems.Trivial("batch-mask") } },
            ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "id", "status" } },
        };

        var reply = await Client.BatchProveTheoremsAsync(request, deadline: Calls.Deadline());

        var theorem = Assert.Single(reply.Results).Theorem;
        Assert.Equal(new Theorem { Id = "batch-mask", Status = TheoremStatus.Proved }, theorem);
    }

    [Fact]
    public async Task An_empty_batch_or_one_over_the_count_limit_is_invalid_and_one_over_the_byte_limit_exhausted()
    {
        var tooMany = new BatchProveTheoremsRequest();
        tooMany.Theorems.AddRange(Enumerable.Range(0, 101).Select(i => new TheoremToProve { Theorem = Theorems.Trivial($"batch-many-{i}") }));
        var large = new string('x', 600 * 1024);
        var tooLarge = new BatchProveTheoremsRequest();
        tooLarge.Theorems.AddRange(Enumerable.Range(0, 2).Select(i =>
            new TheoremToProve { Theorem = new Theorem { Id = $"batch-large-{i}", Statement = $"{large} > 0" } }));

        var empty = await Assert.ThrowsAsync<RpcException>(() =>
            Client.BatchProveTheoremsAsync(new BatchProveTheoremsRequest(), deadline: Calls.Deadline()).ResponseAsync);
        var many = await Assert.ThrowsAsync<RpcException>(() => Client.BatchProveTheoremsAsync(tooMany, deadline: Calls.Deadline()).ResponseAsync);
        var bytes = await Assert.ThrowsAsync<RpcException>(() => Client.BatchProveTheoremsAsync(tooLarge, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, many.StatusCode);
        Assert.Contains("theorems has 101 entries, more than the limit of 100", many.Status.Detail);
        Assert.Equal(StatusCode.ResourceExhausted, bytes.StatusCode);
        Assert.Contains($"more than the limit of {FrontendHost.MaxBatchBytes}", bytes.Status.Detail);
        // Refused before anything was submitted.
        Assert.Equal(StatusCode.NotFound, await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = "batch-many-0" }, deadline: Calls.Deadline()).ResponseAsync));
    }
}

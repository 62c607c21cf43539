using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class GetTheoremTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Without_a_mask_every_field_is_filled()
    {
        var proved = await ProveAsync(Theorems.Trivial("get-full"));

        var theorem = await Client.GetTheoremAsync(new GetTheoremRequest { Id = "get-full" }, deadline: Calls.Deadline());

        Assert.Equal(proved, theorem);
        Assert.Equal("get-full", theorem.Id);
        Assert.Equal("x + 1 > x", theorem.Statement);
        Assert.Equal(TheoremFormat.Infix, theorem.Format);
        Assert.Equal(TheoremStatus.Proved, theorem.Status);
        Assert.NotNull(theorem.Proof);
        Assert.NotEmpty(theorem.Obligations);
        Assert.NotNull(theorem.CreatedAt);
    }

    [Fact]
    public async Task With_a_mask_only_the_named_fields_are_filled()
    {
        await ProveAsync(Corpus.Load("consumer_leontief_demand.yaml", "leontief_budget"));

        var theorem = await Client.GetTheoremAsync(new GetTheoremRequest
        {
            Id = "leontief_budget",
            ReadMask = new FieldMask { Paths = { "status", "counterexample" } },
        }, deadline: Calls.Deadline());

        Assert.Equal(TheoremStatus.Disproved, theorem.Status);
        Assert.NotEmpty(theorem.Counterexample.Assignment);
        Assert.Equal("", theorem.Id);
        Assert.Equal("", theorem.Statement);
        Assert.Empty(theorem.Assumptions);
        Assert.Empty(theorem.Obligations);
        Assert.Null(theorem.CreatedAt);
    }

    [Fact]
    public async Task A_mask_may_name_a_field_inside_a_message()
    {
        await ProveAsync(Theorems.Trivial("get-nested-mask"));

        var theorem = await Client.GetTheoremAsync(new GetTheoremRequest
        {
            Id = "get-nested-mask",
            ReadMask = new FieldMask { Paths = { "proof.strategy" } },
        }, deadline: Calls.Deadline());

        Assert.NotEmpty(theorem.Proof.Strategy);
        Assert.Empty(theorem.Proof.SolverVersions);
        Assert.Equal(TheoremStatus.Unspecified, theorem.Status);
    }

    [Fact]
    public async Task An_unknown_mask_path_is_invalid_argument()
    {
        await ProveAsync(Theorems.Trivial("get-bad-mask"));

        var failure = await Assert.ThrowsAsync<RpcException>(() => Client.GetTheoremAsync(new GetTheoremRequest
        {
            Id = "get-bad-mask",
            ReadMask = new FieldMask { Paths = { "status", "verdict" } },
        }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Contains("'verdict'", failure.Status.Detail);
    }

    private async Task<Theorem> ProveAsync(Theorem theorem) =>
        (await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline())).Theorem;
}

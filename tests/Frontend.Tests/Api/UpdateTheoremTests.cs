using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class UpdateTheoremTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Changing_the_name_or_metadata_keeps_the_verdict_without_a_new_proof()
    {
        var proved = await ProveAsync(new Theorem { Id = "update-name", Statement = "x > 0", Assumptions = { "x > 1" } });
        var changes = new Theorem { Id = proved.Id, Name = "renamed", Statement = "ignored: not in the mask", Metadata = { ["source"] = "review" } };

        var reply = await UpdateAsync(changes, "name", "metadata");

        Assert.False(reply.Reproving);
        Assert.Equal("renamed", reply.Theorem.Name);
        Assert.Equal("review", reply.Theorem.Metadata["source"]);
        Assert.Equal("x > 0", reply.Theorem.Statement);
        Assert.Equal(TheoremStatus.Proved, reply.Theorem.Status);
        Assert.Equal(proved.CompletedAt, reply.Theorem.CompletedAt);
        Assert.Equal(proved.Proof, reply.Theorem.Proof);
        // Its log has no second proof.
        var events = await Client.WatchToEndAsync(proved.Id);
        Assert.Single(events, e => e.Kind == ProgressKind.Completed);
        // The updated document is the stored one: submitting it again is the same theorem.
        var again = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = StripOutputs(reply.Theorem) }, deadline: Calls.Deadline());
        Assert.Equal(TheoremStatus.Proved, again.Status);
    }

    [Fact]
    public async Task Changing_only_the_assumptions_proves_it_again_with_the_rest_kept()
    {
        var proved = await ProveAsync(new Theorem { Id = "update-assumptions", Name = "kept", Statement = "x > 0", Assumptions = { "x > 1" } });

        var reply = await UpdateAsync(new Theorem { Id = proved.Id, Assumptions = { "x > -1" } }, "assumptions");

        Assert.True(reply.Reproving);
        Assert.Equal(["x > -1"], reply.Theorem.Assumptions);
        Assert.Equal("kept", reply.Theorem.Name);
        Assert.Equal("x > 0", reply.Theorem.Statement);
        var events = await Client.WatchToEndAsync(proved.Id);
        Assert.Equal(TheoremStatus.Disproved, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task A_new_timeout_keeps_a_decided_verdict_but_proves_an_unknown_one_again()
    {
        var proved = await ProveAsync(new Theorem { Id = "update-timeout-proved", Statement = "x + 1 > x" });
        var unknown = await ProveAsync(new Theorem
        {
            Id = "update-timeout-unknown", Statement = "x^3 + y^3 != z^3 or x*y*z = 0", TimeoutSeconds = 1, Strategies = { "z3" },
            Variables = { ["x"] = "Int", ["y"] = "Int", ["z"] = "Int" },
        });
        Assert.Equal(TheoremStatus.Unknown, unknown.Status);

        var keptReply = await UpdateAsync(new Theorem { Id = proved.Id, TimeoutSeconds = 30 }, "timeout_seconds");
        var againReply = await UpdateAsync(new Theorem { Id = unknown.Id, TimeoutSeconds = 2 }, "timeout_seconds");

        Assert.False(keptReply.Reproving);
        Assert.Equal(30, keptReply.Theorem.TimeoutSeconds);
        Assert.Equal(TheoremStatus.Proved, keptReply.Theorem.Status);
        Assert.True(againReply.Reproving);
        Assert.Equal(2, againReply.Theorem.TimeoutSeconds);
        Assert.NotEqual(TheoremStatus.Unknown, againReply.Theorem.Status);
        var events = await Client.WatchToEndAsync(unknown.Id);
        Assert.Equal(TheoremStatus.Unknown, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task A_bad_mask_a_bad_result_or_an_unknown_id_is_refused_naming_it()
    {
        var stored = await ProveAsync(new Theorem { Id = "update-refused", Statement = "x + 1 > x" });

        var unknownPath = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(new Theorem { Id = stored.Id }, "assumptions", "statment"));
        var outputPath = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(new Theorem { Id = stored.Id }, "status"));
        var empty = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(new Theorem { Id = stored.Id }));
        var badStatement = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(new Theorem { Id = stored.Id, Statement = "x + > 1" }, "statement"));
        var missing = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(new Theorem { Id = "update-nobody", Name = "n" }, "name"));

        Assert.Equal(StatusCode.InvalidArgument, unknownPath.StatusCode);
        Assert.StartsWith("update_mask: unknown path 'statment'", unknownPath.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, outputPath.StatusCode);
        Assert.StartsWith("update_mask: 'status' is output only", outputPath.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badStatement.StatusCode);
        Assert.Contains("statement 1:", badStatement.Status.Detail);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        // Nothing changed.
        var after = await Client.GetTheoremAsync(new GetTheoremRequest { Id = stored.Id }, deadline: Calls.Deadline());
        Assert.Equal("x + 1 > x", after.Statement);
        Assert.Equal(TheoremStatus.Proved, after.Status);
    }

    private async Task<Theorem> ProveAsync(Theorem theorem)
    {
        theorem.Domain = "frontend_tests";
        return (await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline())).Theorem;
    }

    private async Task<UpdateTheoremResponse> UpdateAsync(Theorem changes, params string[] paths) =>
        await Client.UpdateTheoremAsync(new UpdateTheoremRequest { Theorem = changes, UpdateMask = new FieldMask { Paths = { paths } } },
            deadline: Calls.Deadline());

    private static Theorem StripOutputs(Theorem theorem) => new()
    {
        Id = theorem.Id, Name = theorem.Name, Statement = theorem.Statement, LeanCode = theorem.LeanCode, Assumptions = { theorem.Assumptions },
        Domain = theorem.Domain, Metadata = { theorem.Metadata }, Format = theorem.Format, Variables = { theorem.Variables },
        TimeoutSeconds = theorem.TimeoutSeconds, Strategies = { theorem.Strategies }, UseGeneticOptimization = theorem.UseGeneticOptimization,
        Definitions = { theorem.Definitions },
    };
}

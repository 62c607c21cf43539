using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class ProveTheoremTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Proving_waits_for_the_verdict_and_returns_the_theorem()
    {
        var theorem = Corpus.Load("monopoly_pass_through.yaml", "monopoly_full_pass_through");

        var reply = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem, Strategies = { "z3" } },
            deadline: Calls.Deadline());

        Assert.Equal(theorem.Id, reply.Theorem.Id);
        Assert.Equal(TheoremStatus.Disproved, reply.Theorem.Status);
        Assert.Equal(Theorem.ProofStateOneofCase.Counterexample, reply.Theorem.ProofStateCase);
        Assert.NotNull(reply.Theorem.CompletedAt);
    }

    [Fact]
    public async Task Proving_the_same_theorem_again_returns_the_first_verdict()
    {
        var theorem = Theorems.Trivial("prove-twice");
        var first = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        var second = await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        Assert.Equal(TheoremStatus.Proved, first.Theorem.Status);
        Assert.Equal(first.Theorem, second.Theorem);
    }

    [Fact]
    public async Task A_deadline_cancels_the_proof_and_the_call_ends_deadline_exceeded()
    {
        var theorem = Theorems.Endless("prove-deadline");

        var status = await Calls.StatusOfAsync(() => Client.ProveTheoremAsync(
            new ProveTheoremRequest { Theorem = theorem, TimeoutSeconds = 600 },
            deadline: DateTime.UtcNow.AddSeconds(3)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, status);
        // The watch ends with the completion event, however soon after the deadline the server cancelled.
        var events = await Client.WatchToEndAsync(theorem.Id);
        Assert.Equal(TheoremStatus.Cancelled, events[^1].TheoremStatus);
        var stored = await Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());
        Assert.Equal(TheoremStatus.Cancelled, stored.Status);
    }

    [Fact]
    public async Task A_client_cancelling_the_call_cancels_the_proof()
    {
        var theorem = Theorems.Endless("prove-client-cancel");
        using var cancel = new CancellationTokenSource();
        using var call = Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem },
            deadline: Calls.Deadline(), cancellationToken: cancel.Token);
        // Headers come once the theorem is submitted and the server waits on it.
        await call.ResponseHeadersAsync;

        await cancel.CancelAsync();

        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        // CANCELLED is the client's own verdict (the server's reply never reaches a cancelled call), and
        // Grpc.Net.Client sometimes loses a race with its own disposal and says INTERNAL instead
        // (grpc/grpc-dotnet#1547); what the server did is checked below.
        Assert.True(failure.StatusCode == StatusCode.Cancelled
            || (failure.StatusCode == StatusCode.Internal && failure.Status.DebugException is ObjectDisposedException),
            failure.ToString());
        var events = await Client.WatchToEndAsync(theorem.Id);
        Assert.Equal(TheoremStatus.Cancelled, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task A_deadline_that_passes_at_once_cancels_every_proof_without_a_server_fault()
    {
        // Each its own claim, so that no answer comes from the proof cache before the deadline can pass.
        var theorems = Enumerable.Range(1, 30).Select(i =>
        {
            var theorem = Theorems.Trivial($"prove-1ms-{i}");
            theorem.Statement = $"x + {i} > x";
            return theorem;
        }).ToList();
        var errorsBefore = host.Log.Errors.Count;

        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var theorem in theorems)
        {
            var id = theorem.Id;
            var status = await RawCalls.ProveWithTimeoutAsync(http, host.Url, new ProveTheoremRequest { Theorem = theorem }, grpcTimeout: "1m");

            Assert.Equal(StatusCode.DeadlineExceeded, status);
            // The server answers at the deadline, and its handler ends on its own; awaited, so that the next
            // call finds the gate free and the theorem is looked at once the server is done with it.
            await host.Handlers.EndedAsync(id, timeout.Token);
            // Never submitted (the deadline had passed on arrival), or submitted and cancelled: never decided.
            try
            {
                var stored = await Client.GetTheoremAsync(new GetTheoremRequest { Id = id }, deadline: Calls.Deadline());
                Assert.Equal(TheoremStatus.Cancelled, stored.Status);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }
        // An exception that escapes a service method is logged by gRPC as an error.
        Assert.Empty(host.Log.Errors.Skip(errorsBefore));
    }
}

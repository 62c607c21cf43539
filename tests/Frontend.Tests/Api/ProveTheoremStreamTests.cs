using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class ProveTheoremStreamTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task A_slow_reader_gets_every_verdict_while_the_server_holds_back_the_sender()
    {
        const int count = 30;
        using var call = Client.ProveTheoremStream(deadline: Calls.Deadline(120));
        // The sender runs ahead; the server reads a message only when one of its MaxStreamTheorems places frees.
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var theorem = Theorems.Trivial($"stream-slow-{i}");
                theorem.Statement = $"x + {i + 1} > x";
                await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = theorem });
            }

            await call.RequestStream.CompleteAsync();
        });

        var verdicts = new Dictionary<int, Theorem>();
        var progress = 0;
        var dropped = 0;
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            Assert.False(verdicts.ContainsKey(reply.RequestIndex), $"a reply for message {reply.RequestIndex} after its verdict");
            dropped += reply.ProgressDropped;
            if (reply.ReplyCase == ProveTheoremStreamResponse.ReplyOneofCase.Verdict)
            {
                verdicts[reply.RequestIndex] = reply.Verdict;
            }
            else
            {
                Assert.Equal(ProveTheoremStreamResponse.ReplyOneofCase.Progress, reply.ReplyCase);
                progress++;
            }

            // The deliberately slow reader: the server's reply queue (4) fills while it dawdles.
            await Task.Delay(15);
        }

        await sending;
        Assert.Equal(count, verdicts.Count);
        Assert.All(verdicts, v =>
        {
            Assert.Equal($"stream-slow-{v.Key}", v.Value.Id);
            Assert.Equal(TheoremStatus.Proved, v.Value.Status);
        });
        // Each proof makes several events (submitted, decomposed, started, finished, completed); under a slow reader
        // some were coalesced away, counted, never a verdict.
        Assert.True(progress + dropped >= count * 3, $"{progress} progress replies and {dropped} dropped for {count} theorems");
        Assert.True(dropped > 0, "no progress was dropped: the reader was not slow enough to test the queue");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_bad_message_gets_an_error_reply_and_the_stream_goes_on()
    {
        var good = Theorems.Trivial("stream-errors-good");
        var badStatement = Theorems.Trivial("stream-errors-statement");
        badStatement.Statement = "x + > 1";
        var badStrategy = Theorems.Trivial("stream-errors-strategy");
        var other = Theorems.Trivial("stream-errors-good");
        other.Statement = "x + 2 > x";
        using var call = Client.ProveTheoremStream(deadline: Calls.Deadline());
        // One at a time, so the clash of ids meets a stored theorem.
        await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = good });
        var replies = new List<ProveTheoremStreamResponse>();
        await ReadUntilFinalAsync(call, replies, 0);
        await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = badStatement });
        await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = badStrategy, Options = new ProveOptions { Strategies = { "vampire" } } });
        await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = other });
        await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = Theorems.Trivial("stream-errors-last") });
        await call.RequestStream.CompleteAsync();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            replies.Add(reply);
        }

        var finals = replies.Where(r => r.ReplyCase != ProveTheoremStreamResponse.ReplyOneofCase.Progress).ToDictionary(r => r.RequestIndex);
        Assert.Equal(TheoremStatus.Proved, finals[0].Verdict.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, finals[1].Error.Code);
        Assert.StartsWith("message 1: theorem 'stream-errors-statement': statement 1:", finals[1].Error.Message);
        Assert.Equal((int)StatusCode.InvalidArgument, finals[2].Error.Code);
        Assert.Contains("message 2: options.strategies: unknown strategy 'vampire'", finals[2].Error.Message);
        Assert.Equal((int)StatusCode.AlreadyExists, finals[3].Error.Code);
        Assert.StartsWith("message 3: theorem 'stream-errors-good' already exists", finals[3].Error.Message);
        Assert.Equal(TheoremStatus.Proved, finals[4].Verdict.Status);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Ending_the_call_cancels_the_proofs_it_started()
    {
        var theorem = Theorems.Endless("stream-cancel-endless");
        using var cancel = new CancellationTokenSource();
        using var call = Client.ProveTheoremStream(deadline: Calls.Deadline(), cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new TheoremToProve { Theorem = theorem });
        // The first progress reply comes once the theorem is submitted and followed.
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(theorem.Id, call.ResponseStream.Current.TheoremId);

        await cancel.CancelAsync();

        var events = await Client.WatchToEndAsync(theorem.Id);
        Assert.Equal(TheoremStatus.Cancelled, events[^1].TheoremStatus);
    }

    private static async Task ReadUntilFinalAsync(AsyncDuplexStreamingCall<TheoremToProve, ProveTheoremStreamResponse> call,
        List<ProveTheoremStreamResponse> replies, int index)
    {
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            replies.Add(call.ResponseStream.Current);
            if (call.ResponseStream.Current.RequestIndex == index
                && call.ResponseStream.Current.ReplyCase != ProveTheoremStreamResponse.ReplyOneofCase.Progress)
            {
                return;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Hms.Frontend.Mapping;
using Hms.Frontend.V1;
using Hms.Grains;
using Hms.Grains.Messages;

namespace Hms.Frontend.Services.Many;

/// <summary>
/// One ProveTheoremStream call: reads theorems, follows each to its verdict, and sends the replies through one
/// bounded queue to the single writer gRPC allows.
/// </summary>
/// <remarks>
/// Flow control, both ways. At most <see cref="FrontendOptions.MaxStreamTheorems"/> theorems are followed at once;
/// the next message is read only when one is done, so a fast sender waits on HTTP/2's window, not in our memory.
/// Replies wait in a queue of <see cref="FrontendOptions.StreamQueueLength"/>: a progress reply that finds it full
/// is dropped and counted (the theorem's next reply carries the count), while a verdict or an error waits for room,
/// holding up only its own theorem. So memory is bounded by the queue plus one pending reply per followed theorem,
/// and every verdict arrives however slowly the client reads.
/// </remarks>
internal sealed class ProveStream(IGrainFactory grains, TheoremAdmission admission, ProofCallGate gate, FrontendOptions options,
    ServerCallContext context)
{
    private readonly Channel<ProveTheoremStreamResponse> replies = Channel.CreateBounded<ProveTheoremStreamResponse>(
        new BoundedChannelOptions(options.StreamQueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SemaphoreSlim following = new(options.MaxStreamTheorems, options.MaxStreamTheorems);

    /// <summary>The proofs this call started that have no verdict yet, by message: the call's end cancels them.</summary>
    private readonly ConcurrentDictionary<int, ITheoremGrain> unfinished = new();

    /// <summary>One queue owner for the whole call, so its theorems' priorities order them against each other.</summary>
    private readonly string owner = $"stream:{Guid.NewGuid():N}";

    /// <summary>Serves the call; when it ends before every verdict was sent, <see cref="CancelUnfinishedAsync"/> is the caller's.</summary>
    public async Task RunAsync(IAsyncStreamReader<TheoremToProve> requests, IServerStreamWriter<ProveTheoremStreamResponse> responses,
        CancellationToken cancellationToken)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAllAsync(responses, call);
        var index = 0;
        var held = 0;
        try
        {
            // An unreadable message fails MoveNext, and with it the call: nothing after it can be trusted to line up.
            while (await requests.MoveNext(call.Token))
            {
                await following.WaitAsync(call.Token);
                _ = FollowAsync(index++, requests.Current, call.Token);
            }

            // Every follower gives its place back when done: holding them all means all are done.
            for (; held < options.MaxStreamTheorems; held++)
            {
                await following.WaitAsync(call.Token);
            }

            replies.Writer.Complete();
            await writing;
        }
        catch
        {
            // The followers stop with the call (a submission under way ends first), so that every proof they started
            // is in the unfinished table before the caller cancels them.
            await call.CancelAsync();
            for (; held < options.MaxStreamTheorems; held++)
            {
                await following.WaitAsync(CancellationToken.None);
            }

            throw;
        }
    }

    public async Task CancelUnfinishedAsync()
    {
        foreach (var grain in unfinished.Values)
        {
            await grain.CancelAsync();
        }
    }

    private async Task WriteAllAsync(IServerStreamWriter<ProveTheoremStreamResponse> responses, CancellationTokenSource call)
    {
        try
        {
            await foreach (var reply in replies.Reader.ReadAllAsync(call.Token))
            {
                await responses.WriteAsync(reply, call.Token);
            }
        }
        catch
        {
            // A writer that failed leaves the followers nobody to wait for: they stop with the call.
            await call.CancelAsync();
            throw;
        }
    }

    private async Task FollowAsync(int index, TheoremToProve message, CancellationToken cancellationToken)
    {
        var id = message.Theorem?.Id ?? "";
        var dropped = 0;
        try
        {
            await Task.Yield();
            ProveTheoremStreamResponse Reply(Action<ProveTheoremStreamResponse> fill)
            {
                var reply = new ProveTheoremStreamResponse { TheoremId = id, RequestIndex = index, ProgressDropped = dropped };
                fill(reply);
                return reply;
            }

            GatedAdmission admitted;
            try
            {
                admitted = await AdmitAsync(index, message);
            }
            catch (RpcException full) when (full.StatusCode == StatusCode.ResourceExhausted)
            {
                await SendAsync(Reply(r => r.Error = ErrorOf(full, id, index)), cancellationToken);
                return;
            }

            using var slot = admitted.Slot;
            if (admitted.Result is { Error: { } error })
            {
                await SendAsync(Reply(r => r.Error = error), cancellationToken);
                return;
            }

            var grain = admitted.Result.Grain!;
            if (admitted.Result.Started) unfinished[index] = grain;
            TheoremSnapshot decided;
            try
            {
                // A proof this call started is followed from its first event; one already under way from now on.
                decided = await VerdictWait.WaitAsync(grains, grain, id, cancellationToken, admitted.Result.Started ? 0 : null, e =>
                {
                    if (replies.Writer.TryWrite(Reply(r => r.Progress = ProgressMapping.ToWire(e)))) dropped = 0;
                    else dropped++;
                });
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                await SendAsync(Reply(r => r.Error = ErrorOf(e, id, index)), cancellationToken);
                return;
            }

            unfinished.TryRemove(index, out _);
            await SendAsync(Reply(r => r.Verdict = TheoremMapping.ToWire(decided)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call ended: RunAsync's caller cancels what is unfinished.
        }
        catch (ChannelClosedException)
        {
            // Likewise: the writer stopped.
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever else failed, the theorem still gets its last reply: an error, never silence.
            replies.Writer.TryWrite(new ProveTheoremStreamResponse
            {
                TheoremId = id,
                RequestIndex = index,
                ProgressDropped = dropped,
                Error = ErrorOf(e, id, index),
            });
        }
        finally
        {
            following.Release();
        }
    }

    /// <summary>A slot of the frontend's gate for the time the theorem is followed, then the submission.</summary>
    private async Task<GatedAdmission> AdmitAsync(int index, TheoremToProve message)
    {
        var slot = gate.Enter();
        try
        {
            var result = await admission.SubmitAsync(message, $"message {index}", context.Deadline, owner);
            return new GatedAdmission(slot, result);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>A fault as the theorem's error reply: the status gRPC would have given the call, naming the message.</summary>
    private TheoremError ErrorOf(Exception fault, string id, int index)
    {
        var rpc = Errors.GrainFaults.ToRpc(fault, admission.Incident(fault, id)) ?? fault as RpcException
            ?? new RpcException(new Status(StatusCode.Internal, "internal error"));
        return new TheoremError { Code = (int)rpc.StatusCode, Message = $"message {index}: {rpc.Status.Detail}" };
    }

    private ValueTask SendAsync(ProveTheoremStreamResponse reply, CancellationToken cancellationToken) =>
        replies.Writer.WriteAsync(reply, cancellationToken);

    private sealed record GatedAdmission(ProofCallGate.Slot Slot, Admitted Result);
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hms.Grains.Messages;
using Orleans.Streams;

namespace Hms.Grains;

/// <summary>
/// Follows a theorem's progress from any Orleans client or grain: subscribes to the live stream first, then
/// replays the stored events after <c>afterSequence</c>, then passes live events on, each number once, and
/// ends after the completion event.
/// </summary>
public static class ProgressFeed
{
    public static async IAsyncEnumerable<ProgressEvent> WatchAsync(IGrainFactory grains, IStreamProvider streams,
        string theoremId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var live = Channel.CreateUnbounded<ProgressEvent>(new UnboundedChannelOptions { SingleReader = true });
        var stream = streams.GetStream<ProgressEvent>(ProgressStreams.For(theoremId));
        // Subscribing before reading the history means no event can fall between the two.
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            live.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        try
        {
            var last = afterSequence;
            foreach (var e in await grains.GetGrain<ITheoremGrain>(theoremId).GetEventsAsync(afterSequence))
            {
                last = e.Sequence;
                yield return e;
                if (e.Kind == ProgressKind.Completed) yield break;
            }
            // Asked to start after the end of a finished proof: nothing more will come.
            var snapshot = await grains.GetGrain<ITheoremGrain>(theoremId).GetAsync();
            if (snapshot is null || (snapshot.IsFinished && last >= snapshot.LastSequence)) yield break;
            while (await live.Reader.WaitToReadAsync(cancellationToken))
            {
                while (live.Reader.TryRead(out var e))
                {
                    if (e.Sequence <= last) continue;
                    if (e.Sequence > last + 1)
                    {
                        // A gap (events published while we were replaying): fill it from the stored log.
                        foreach (var missed in await grains.GetGrain<ITheoremGrain>(theoremId).GetEventsAsync(last))
                        {
                            if (missed.Sequence >= e.Sequence) break;
                            last = missed.Sequence;
                            yield return missed;
                        }
                    }
                    last = e.Sequence;
                    yield return e;
                    if (e.Kind == ProgressKind.Completed) yield break;
                }
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}

using System.Runtime.CompilerServices;
using Hms.Grains.Messages;

namespace Hms.Grains;

/// <summary>
/// Follows a theorem's progress from any Orleans client or grain: tails the theorem's stored log from
/// <c>afterSequence</c>, each number once and in order, and ends after the completion event.
/// </summary>
/// <remarks>
/// It asks the theorem grain for the events after the last one seen and waits there for the next (a long poll),
/// instead of subscribing to the progress stream: a stream subscription is registered asynchronously, so events
/// published around the subscription (a Completed among them) could be lost, and a follower then waited forever.
/// A log read after the last number seen has no such gap.
/// </remarks>
public static class ProgressFeed
{
    /// <summary>How long one poll waits in the grain for a new event; far inside Orleans' 30 s call timeout.</summary>
    public static readonly TimeSpan PollWindow = TimeSpan.FromSeconds(10);

    public static async IAsyncEnumerable<ProgressEvent> WatchAsync(IGrainFactory grains, string theoremId, long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var theorem = grains.GetGrain<ITheoremGrain>(theoremId);
        var last = afterSequence;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await theorem.WaitForEventsAsync(last, PollWindow).WaitAsync(cancellationToken);
            foreach (var e in batch.Events)
            {
                if (e.Sequence <= last) continue;
                last = e.Sequence;
                yield return e;
                if (e.Kind == ProgressKind.Completed) yield break;
            }
            if (batch.Ended) yield break;
        }
    }
}

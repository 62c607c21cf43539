using Hms.Frontend.Errors;
using Hms.Grains;
using Hms.Grains.Messages;

namespace Hms.Frontend.Services;

/// <summary>Waits for a submitted theorem's verdict by following its progress log: what ProveTheorem, streams and batches wait on.</summary>
internal static class VerdictWait
{
    /// <summary>
    /// Follows the progress from the snapshot taken after submitting (or from <paramref name="afterSequence"/> when
    /// given: the whole log of a proof this call started), so a proof restarted by an earlier submission is not
    /// mistaken for finished by a completion event of a previous run. Each event goes to <paramref name="onProgress"/>.
    /// </summary>
    public static async Task<TheoremSnapshot> WaitAsync(IGrainFactory grains, ITheoremGrain grain, string id,
        CancellationToken cancellationToken, long? afterSequence = null, Action<ProgressEvent>? onProgress = null)
    {
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            RpcFaults.ThrowTheoremNotFound(id);
        }

        if (snapshot.IsFinished)
        {
            return snapshot;
        }

        await foreach (var e in ProgressFeed.WatchAsync(grains, id, afterSequence ?? snapshot.LastSequence, cancellationToken))
        {
            onProgress?.Invoke(e);
            if (e.Kind == ProgressKind.Completed)
            {
                break;
            }
        }

        var finished = await grain.GetAsync();
        if (finished is null)
        {
            RpcFaults.ThrowTheoremNotFound(id);
        }

        return finished;
    }
}

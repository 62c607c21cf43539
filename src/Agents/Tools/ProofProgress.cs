using Hms.Grains;
using Hms.Grains.Messages;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hms.Agents.Tools;

/// <summary>
/// Follows a theorem's progress feed to its completion event and passes each event on as an MCP progress
/// notification, when the client sent a progress token. Each notification is awaited, so they arrive in
/// order and before the tool's result.
/// </summary>
internal sealed class ProofProgress(IGrainFactory grains, IClusterClient cluster)
{
    /// <summary>The theorem once finished (null when no theorem has the id); the token ends the wait, not the proof.</summary>
    public async Task<TheoremSnapshot?> WaitAsync(string id, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ITheoremGrain>(id);
        var snapshot = await grain.GetAsync();
        if (snapshot is null || snapshot.IsFinished)
        {
            return snapshot;
        }

        var token = request.Params?.ProgressToken;
        var streams = cluster.GetStreamProvider(ProgressStreams.Provider);
        // From the snapshot's last event on: a completion event of an earlier run is not mistaken for this one's.
        await foreach (var e in ProgressFeed.WatchAsync(grains, streams, id, snapshot.LastSequence, cancellationToken))
        {
            if (token is { } progressToken)
            {
                // The event number always grows, as the protocol requires of progress; the total is not known ahead.
                await request.Server.NotifyProgressAsync(progressToken,
                    new ProgressNotificationValue { Progress = e.Sequence, Message = ProgressText.For(e) },
                    cancellationToken: cancellationToken);
            }

            if (e.Kind == ProgressKind.Completed)
            {
                break;
            }
        }

        return await grain.GetAsync();
    }
}

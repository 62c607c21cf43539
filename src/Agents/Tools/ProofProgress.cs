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
internal sealed class ProofProgress(IGrainFactory grains)
{
    /// <summary>
    /// The theorem once finished (null when no theorem has the id); the token ends the wait, not the proof.
    /// With a progress token the whole stored log is replayed first, also of a theorem already finished, so
    /// the client sees every step and the completion whenever it started waiting.
    /// </summary>
    public async Task<TheoremSnapshot?> WaitAsync(string id, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ITheoremGrain>(id);
        var snapshot = await grain.GetAsync();
        var token = request.Params?.ProgressToken;
        if (snapshot is null || (snapshot.IsFinished && token is null))
        {
            return snapshot;
        }

        // The log holds the current document's events only (a replaced theorem starts a new one), so its one
        // completion event is this proof's. Without a token, only what comes after the snapshot matters.
        var after = token is null ? snapshot.LastSequence : 0;
        await foreach (var e in ProgressFeed.WatchAsync(grains, id, after, cancellationToken))
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

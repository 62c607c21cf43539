using Grpc.Core;
using Hms.Frontend.V1;

namespace Hms.Service.Tests.Hosting;

/// <summary>Following a theorem over gRPC WatchTheorem, each call bounded by a deadline.</summary>
public static class Progress
{
    /// <summary>Every event after <paramref name="afterSequence"/> up to and including COMPLETED.</summary>
    public static async Task<IReadOnlyList<ProveTheoremProgress>> WatchToCompletionAsync(
        TheoremProver.TheoremProverClient client, string id, TimeSpan timeout, long afterSequence = 0)
    {
        var events = await WatchUntilAsync(client, id, e => e.Kind == ProgressKind.Completed, timeout, afterSequence);
        Assert.True(events.Count > 0 && events[^1].Kind == ProgressKind.Completed,
            $"the watch of '{id}' ended without COMPLETED: {string.Join(", ", events.Select(e => e.Kind))}");
        return events;
    }

    /// <summary>The events up to and including the first that matches <paramref name="until"/>, or all of them when the stream ends first.</summary>
    public static async Task<IReadOnlyList<ProveTheoremProgress>> WatchUntilAsync(TheoremProver.TheoremProverClient client,
        string id, Func<ProveTheoremProgress, bool> until, TimeSpan timeout, long afterSequence = 0)
    {
        var events = new List<ProveTheoremProgress>();
        using var call = client.WatchTheorem(new WatchTheoremRequest { Id = id, AfterSequence = afterSequence },
            deadline: DateTime.UtcNow.Add(timeout));
        await foreach (var e in call.ResponseStream.ReadAllAsync())
        {
            events.Add(e);
            if (until(e)) break;
        }
        return events;
    }

    /// <summary>Submits and waits for each verdict; returns the theorems as GetTheorem then shows them.</summary>
    public static async Task<IReadOnlyList<Theorem>> ProveAllAsync(TheoremProver.TheoremProverClient client,
        IEnumerable<Theorem> theorems, TimeSpan timeout)
    {
        var ids = new List<string>();
        foreach (var theorem in theorems)
        {
            var handle = await client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem },
                deadline: DateTime.UtcNow.AddSeconds(30));
            ids.Add(handle.Id);
        }
        var results = new List<Theorem>();
        foreach (var id in ids)
        {
            await WatchToCompletionAsync(client, id, timeout);
            results.Add(await client.GetTheoremAsync(new GetTheoremRequest { Id = id }, deadline: DateTime.UtcNow.AddSeconds(30)));
        }
        return results;
    }
}

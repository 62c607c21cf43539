using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests;

/// <summary>
/// Followers of a theorem's progress: whenever one starts, relative to the events, it gets every later event
/// once, in order, and ends with Completed. (Before the feed tailed the log, a follower that had replayed events
/// 1–4 could miss the live ones that followed, Completed among them, and wait forever.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProgressFeedTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}";

    /// <summary>Fermat for cubes over the integers: neither solver decides it, so it runs until cancelled.</summary>
    private static TheoremSpec Endless(string id) => new()
    {
        Id = id,
        Statement = "x^3 + y^3 != z^3",
        Assumptions = ["x > 0", "y > 0", "z > 0"],
        Variables = [new("x", Proving.Sort.Int), new("y", Proving.Sort.Int), new("z", Proving.Sort.Int)],
    };

    private async Task<List<ProgressEvent>> FollowAsync(string id, long after, Func<ProgressEvent, bool>? until = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var events = new List<ProgressEvent>();
        await foreach (var e in ProgressFeed.WatchAsync(Client, id, after, timeout.Token))
        {
            events.Add(e);
            if (until?.Invoke(e) == true) break;
        }
        return events;
    }

    private static void AssertContiguous(long after, IReadOnlyList<ProgressEvent> events) =>
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => after + i), events.Select(e => e.Sequence));

    [Fact]
    public async Task Events_after_the_replay_point_arrive_once_and_in_order()
    {
        var id = NewId("replayed-then-live");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        await grain.SubmitAsync(Endless(id), new ProveSettings { TimeoutSeconds = 600 }, false);
        // Replays the first events and stops once the solvers are running: the rest is still to come.
        var replayed = await FollowAsync(id, 0, e => e.Kind == ProgressKind.ObligationStarted);
        AssertContiguous(0, replayed);

        var follower = FollowAsync(id, replayed[^1].Sequence);
        await grain.CancelAsync();
        var live = await follower;

        AssertContiguous(replayed[^1].Sequence, live);
        Assert.Equal(ProgressKind.Completed, live[^1].Kind);
        Assert.Equal(TheoremStatus.Cancelled, live[^1].TheoremStatus);
    }

    [Fact]
    public async Task A_completion_published_while_the_follower_starts_is_not_lost()
    {
        // Followers started at the same moment as the completion, several times over: each must see it.
        for (var round = 0; round < 5; round++)
        {
            var id = NewId($"racing-completion-{round}");
            var grain = Client.GetGrain<ITheoremGrain>(id);
            await grain.SubmitAsync(Endless(id), new ProveSettings { TimeoutSeconds = 600 }, false);
            var before = await grain.GetAsync();
            var followers = Enumerable.Range(0, 4).Select(_ => FollowAsync(id, before!.LastSequence)).ToList();
            await grain.CancelAsync();
            foreach (var events in await Task.WhenAll(followers))
            {
                AssertContiguous(before!.LastSequence, events);
                Assert.Equal(ProgressKind.Completed, events[^1].Kind);
            }
        }
    }

    [Fact]
    public async Task A_follower_of_a_finished_theorem_gets_the_completion_or_ends_at_once()
    {
        var id = NewId("finished");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        await grain.SubmitAsync(new TheoremSpec { Id = id, Statement = "x*x + 3 >= 3" }, new(), false);
        var all = await FollowAsync(id, 0);
        var last = all[^1].Sequence;

        var justTheEnd = await FollowAsync(id, last - 1);
        var afterTheEnd = await FollowAsync(id, last);

        Assert.Equal([last], justTheEnd.Select(e => e.Sequence));
        Assert.Equal(ProgressKind.Completed, justTheEnd[0].Kind);
        Assert.Empty(afterTheEnd);
    }

    [Fact]
    public async Task A_follower_of_an_unknown_theorem_ends_at_once()
    {
        Assert.Empty(await FollowAsync(NewId("nobody"), 0));
    }
}

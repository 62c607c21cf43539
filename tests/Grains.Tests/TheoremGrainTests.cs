using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TheoremGrainTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    private static TheoremSpec Spec(string id, string statement, params string[] assumptions) =>
        new() { Id = id, Statement = statement, Assumptions = assumptions };

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}";

    private async Task<List<ProgressEvent>> FollowAsync(string id, long after = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var events = new List<ProgressEvent>();
        await foreach (var e in ProgressFeed.WatchAsync(Client, id, after, timeout.Token))
            events.Add(e);
        return events;
    }

    [Fact]
    public async Task A_submitted_theorem_reaches_its_verdict_and_streams_each_step()
    {
        var id = NewId("walras");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        var submitted = await grain.SubmitAsync(Spec(id, "p1 * x1 = alpha * m", "0 < alpha < 1", "p1 > 0 and m > 0", "x1 = alpha * m / p1"), new(), false);
        Assert.Equal(SubmitOutcome.Accepted, submitted.Outcome);

        var events = await FollowAsync(id);

        Assert.Equal(ProgressKind.Submitted, events[0].Kind);
        Assert.Equal(ProgressKind.Decomposed, events[1].Kind);
        Assert.Equal(ProgressKind.Completed, events[^1].Kind);
        Assert.Equal(TheoremStatus.Proved, events[^1].TheoremStatus);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var snapshot = await grain.GetAsync();
        Assert.Equal(TheoremStatus.Proved, snapshot!.Status);
        Assert.All(snapshot.Obligations, o => Assert.Equal(ObligationStatus.Proved, o.Status));
        Assert.Equal(events[1].ObligationCount, snapshot.Obligations.Count);
    }

    [Fact]
    public async Task A_false_theorem_is_disproved_with_its_counterexample()
    {
        var id = NewId("leontief");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        await grain.SubmitAsync(Spec(id, "p1 * (m / (p1 + p2)) + p2 * (m / (p1 + p2)) = m", "p1 >= 0 and p2 >= 0", "m > 0"), new(), false);
        await FollowAsync(id);
        var snapshot = await grain.GetAsync();
        Assert.Equal(TheoremStatus.Disproved, snapshot!.Status);
        Assert.True(snapshot.Verdict!.Counterexample!.Validated);
        Assert.Contains("makes (m / (p1 + p2)) undefined", snapshot.Verdict.Counterexample.Explanation);
    }

    [Fact]
    public async Task A_late_subscriber_replays_then_follows_without_duplicates()
    {
        var id = NewId("late");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        await grain.SubmitAsync(Spec(id, "forall q: q >= 0 -> (a - b*q - c)*q <= (a - b*qm - c)*qm", "a > c and c >= 0 and b > 0", "qm = (a - c) / (2*b)"), new(), false);
        var first = await FollowAsync(id);
        // Arriving after the end: everything is replayed once, in order, and the feed ends.
        var replay = await FollowAsync(id);
        Assert.Equal(first.Select(e => e.Sequence), replay.Select(e => e.Sequence));
        // Arriving in the middle: only what came after the given number.
        var tail = await FollowAsync(id, after: 2);
        Assert.Equal(first.Skip(2).Select(e => e.Sequence), tail.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_subscriber_that_joins_mid_proof_gets_every_event_once()
    {
        var id = NewId("midway");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        var events = new List<ProgressEvent>();
        await grain.SubmitAsync(Spec(id, "x*y*z + x + y + z > 0 and x*x + y*y >= 2*x*y and (x + y)^2 >= 4*x*y", "x > 0", "y > 0", "z > 0"), new(), false);
        await foreach (var e in ProgressFeed.WatchAsync(Client, id, 0))
        {
            events.Add(e);
        }
        Assert.Equal(events.Select(e => e.Sequence).Distinct().Count(), events.Count);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Submitting_the_same_theorem_again_is_idempotent()
    {
        var id = NewId("same");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        var spec = Spec(id, "x + 1 > x");
        Assert.Equal(SubmitOutcome.Accepted, (await grain.SubmitAsync(spec, new(), false)).Outcome);
        var before = await FollowAsync(id);
        var again = await grain.SubmitAsync(spec with { }, new(), false);
        Assert.Equal(SubmitOutcome.Unchanged, again.Outcome);
        Assert.Equal(TheoremStatus.Proved, again.Status);
        Assert.Equal(before.Count, (await grain.GetEventsAsync(0)).Count);
    }

    [Fact]
    public async Task Different_content_under_an_existing_id_needs_replace()
    {
        var id = NewId("clash");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        await grain.SubmitAsync(Spec(id, "x + 1 > x"), new(), false);
        var before = await FollowAsync(id);
        var clash = await grain.SubmitAsync(Spec(id, "x + 2 > x"), new(), false);
        Assert.Equal(SubmitOutcome.AlreadyExists, clash.Outcome);
        var replaced = await grain.SubmitAsync(Spec(id, "x - 1 > x"), new(), true);
        Assert.Equal(SubmitOutcome.Accepted, replaced.Outcome);
        var events = await FollowAsync(id);
        Assert.Equal(ProgressKind.Submitted, events[0].Kind);
        Assert.True(events[0].Sequence > before.Count, "numbering goes on after a replace");
        Assert.Equal(TheoremStatus.Disproved, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task Input_that_does_not_parse_is_rejected_and_not_stored()
    {
        var id = NewId("bad");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        var result = await grain.SubmitAsync(Spec(id, "a * m / (p * )"), new(), false);
        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Equal($"theorem '{id}': statement 1:14: expected an expression after '*', found ')'", result.Message);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Cancelling_stops_a_long_proof()
    {
        var id = NewId("fermat");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        var spec = Spec(id, "x^3 + y^3 != z^3", "x > 0", "y > 0", "z > 0") with
        {
            Variables = [new("x", Proving.Sort.Int), new("y", Proving.Sort.Int), new("z", Proving.Sort.Int)],
        };
        await grain.SubmitAsync(spec, new ProveSettings { TimeoutSeconds = 600 }, false);
        await foreach (var e in ProgressFeed.WatchAsync(Client, id, 0))
        {
            if (e.Kind == ProgressKind.ObligationStarted) break;
        }
        var cancelled = await grain.CancelAsync();
        Assert.Equal(TheoremStatus.Cancelled, cancelled!.Status);
        var events = await FollowAsync(id);
        Assert.Equal(TheoremStatus.Cancelled, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task A_second_identical_obligation_is_answered_from_the_cache()
    {
        var statement = "a * b + a >= 0";
        var first = NewId("cache-a");
        var second = NewId("cache-b");
        await Client.GetGrain<ITheoremGrain>(first).SubmitAsync(Spec(first, statement, "a >= 0", "b >= 0"), new(), false);
        await FollowAsync(first);
        await Client.GetGrain<ITheoremGrain>(second).SubmitAsync(Spec(second, statement, "b >= 0", "a >= 0") with { Name = "the same claim, assumptions reordered" }, new(), false);
        await FollowAsync(second);
        var snapshot = await Client.GetGrain<ITheoremGrain>(second).GetAsync();
        Assert.Equal(TheoremStatus.Proved, snapshot!.Status);
        Assert.Contains(snapshot.Obligations, o => o.Kind == Proving.Obligations.ObligationKind.Claim && o.Strategy == "cache");
        Assert.NotEmpty(snapshot.Verdict!.AssumptionsUsed);
    }

    [Fact]
    public async Task A_cached_refutation_is_rechecked_for_the_new_theorem()
    {
        var first = NewId("cache-ce-a");
        var second = NewId("cache-ce-b");
        await Client.GetGrain<ITheoremGrain>(first).SubmitAsync(Spec(first, "x * y > 1", "x > 0", "y > 0"), new(), false);
        await FollowAsync(first);
        await Client.GetGrain<ITheoremGrain>(second).SubmitAsync(Spec(second, "x * y > 1", "y > 0", "x > 0"), new(), false);
        await FollowAsync(second);
        var snapshot = await Client.GetGrain<ITheoremGrain>(second).GetAsync();
        Assert.Equal(TheoremStatus.Disproved, snapshot!.Status);
        Assert.True(snapshot.Verdict!.Counterexample!.Validated);
        Assert.Contains(snapshot.Obligations, o => o.Strategy == "cache");
    }

    [Fact]
    public async Task The_genetic_search_reports_its_progress_on_the_stream()
    {
        var id = NewId("genetic");
        var grain = Client.GetGrain<ITheoremGrain>(id);
        var spec = Spec(id, "x^3 + y^3 != z^3", "x > 0", "y > 0", "z > 0") with
        {
            Variables = [new("x", Proving.Sort.Int), new("y", Proving.Sort.Int), new("z", Proving.Sort.Int)],
        };
        await grain.SubmitAsync(spec, new ProveSettings { TimeoutSeconds = 2, UseGeneticOptimization = true }, false);
        var events = await FollowAsync(id);
        var search = events.Where(e => e.Kind == ProgressKind.SearchProgress).ToList();
        Assert.NotEmpty(search);
        Assert.All(search, e => Assert.Equal("genetic", e.Strategy));
        Assert.True(search[^1].Generation > 0);
        Assert.Equal(TheoremStatus.Unknown, events[^1].TheoremStatus);
    }

    [Fact]
    public async Task The_catalog_pages_theorems_in_id_order()
    {
        var prefix = NewId("page");
        foreach (var i in Enumerable.Range(0, 5))
            await Client.GetGrain<ITheoremGrain>($"{prefix}-{i}").SubmitAsync(Spec($"{prefix}-{i}", "x = x") with { Domain = prefix }, new(), false);
        var catalog = fixture.Index;
        var page1 = await catalog.ListAsync(2, null, prefix, null);
        var page2 = await catalog.ListAsync(2, page1.NextAfter, prefix, null);
        var page3 = await catalog.ListAsync(2, page2.NextAfter, prefix, null);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}"), page1.TheoremIds.Concat(page2.TheoremIds).Concat(page3.TheoremIds));
        Assert.Null(page3.NextAfter);
    }
}

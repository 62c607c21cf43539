using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests;

/// <summary>
/// The grain, not the frontend, decides whether an update needs a proof: an Orleans client calling it directly
/// cannot keep a verdict for a statement it did not prove.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TheoremUpdateTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    private async Task<(ITheoremGrain Grain, TheoremSpec Spec)> ProvedAsync(string name)
    {
        var id = $"{name}-{Guid.NewGuid():N}";
        var spec = new TheoremSpec { Id = id, Name = "first", Statement = "x > 0", Assumptions = ["x > 1"] };
        var grain = Client.GetGrain<ITheoremGrain>(id);
        await grain.SubmitAsync(spec, new(), false);
        await FollowAsync(id);
        return (grain, spec);
    }

    private async Task FollowAsync(string id, long after = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var _ in ProgressFeed.WatchAsync(Client, id, after, timeout.Token))
        {
        }
    }

    [Fact]
    public async Task A_direct_update_of_the_statement_is_proved_again_whatever_the_caller_hoped()
    {
        var (grain, spec) = await ProvedAsync("update-direct");
        var before = await grain.GetAsync();

        var result = await grain.UpdateAsync(spec with { Statement = "x > 5" }, new());
        await FollowAsync(spec.Id, before!.LastSequence);

        Assert.Equal(SubmitOutcome.Accepted, result.Outcome);
        var after = await grain.GetAsync();
        Assert.Equal("x > 5", after!.Spec.Statement);
        Assert.Equal(TheoremStatus.Disproved, after.Status);
    }

    [Fact]
    public async Task A_direct_rename_keeps_the_verdict_and_the_log()
    {
        var (grain, spec) = await ProvedAsync("update-rename");
        var before = await grain.GetAsync();

        var result = await grain.UpdateAsync(spec with { Name = "second" }, new());

        Assert.Equal(SubmitOutcome.Kept, result.Outcome);
        var after = await grain.GetAsync();
        Assert.Equal("second", after!.Spec.Name);
        Assert.Equal(TheoremStatus.Proved, after.Status);
        Assert.Equal(before!.CompletedAt, after.CompletedAt);
        Assert.Equal(before.Verdict!.ElapsedMs, after.Verdict!.ElapsedMs);
        Assert.Equal(before.LastSequence, after.LastSequence);
        Assert.Equal(SubmitOutcome.Unchanged, (await grain.SubmitAsync(spec with { Name = "second" }, new(), false)).Outcome);
        Assert.Equal(SubmitOutcome.NotFound, (await Client.GetGrain<ITheoremGrain>("update-nobody").UpdateAsync(spec with { Id = "update-nobody" }, new())).Outcome);
    }
}

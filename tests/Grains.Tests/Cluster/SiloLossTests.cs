using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests.Cluster;

/// <summary>A silo that dies or stops in the middle of a proof: the theorem still gets its verdict, once.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class SiloLossTests(MultiSiloFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.RestoreAsync();

    public Task DisposeAsync() => fixture.RestoreAsync();

    [Fact]
    public async Task Killing_the_silo_that_holds_a_theorem_and_runs_it_mid_proof_loses_nothing()
    {
        var (id, silo) = await ClusterRuns.OnSecondaryAsync(fixture.Cluster, "kill");
        var spec = ClusterRuns.Slow(id, claims: 3, timeoutSeconds: 3);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grain = fixture.Client.GetGrain<ITheoremGrain>(id);
        Assert.Equal(SubmitOutcome.Accepted, (await grain.SubmitAsync(spec, new ProveSettings(), false)).Outcome);
        var following = ClusterRuns.FollowAsync(fixture.Client, id, e =>
        {
            if (e.Kind == ProgressKind.ObligationStarted) started.TrySetResult();
        });
        await started.Task;

        await fixture.Cluster.KillSiloAsync(silo);
        var events = await following;

        var theorem = (await grain.GetAsync())!;
        var log = string.Join(", ", events.Select(e => $"{e.Sequence}:{e.Kind}:{e.ObligationId}"));
        // The run was started again on a survivor (a second Decomposed tells followers so)...
        Assert.True(events.Count(e => e.Kind == ProgressKind.Decomposed) >= 2, log);
        Assert.Equal(TheoremStatus.Unknown, theorem.Status);
        Assert.All(theorem.Obligations, o => Assert.NotEqual(ObligationStatus.Running, o.Status));
        // The follower saw each number once, in order, and one completion.
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        Assert.Single(events, e => e.Kind == ProgressKind.Completed);
        // ...and yet each obligation's result is in the log exactly once.
        var finished = events.Where(e => e.Kind == ProgressKind.ObligationFinished).Select(e => e.ObligationId).ToList();
        Assert.Equal(theorem.Obligations.Select(o => o.Id).Order(), finished.Order());
    }

    [Fact]
    public async Task Stopping_a_silo_drains_its_run_to_the_verdict_without_a_restart()
    {
        var (id, silo) = await ClusterRuns.OnSecondaryAsync(fixture.Cluster, "drain");
        var spec = ClusterRuns.Slow(id, claims: 1, timeoutSeconds: 2);
        var pools = fixture.Cluster.GetActiveSilos().Select(s => MultiSiloFixture.Engine(s).Pool).ToList();
        // Goals of earlier tests may still run out their limits (an obligation a killed silo had sent elsewhere is
        // not stopped with it): counted from an idle cluster, the goals below are this theorem's.
        using (var idle = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (pools.Any(p => p.Statistics.Running + p.Statistics.Queued > 0))
                await Task.Delay(TimeSpan.FromMilliseconds(50), idle.Token);
        }
        var goalsBefore = pools.Sum(p => p.Statistics.GoalsRun);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grain = fixture.Client.GetGrain<ITheoremGrain>(id);
        Assert.Equal(SubmitOutcome.Accepted, (await grain.SubmitAsync(spec, new ProveSettings(), false)).Outcome);
        var following = ClusterRuns.FollowAsync(fixture.Client, id, e =>
        {
            if (e.Kind == ProgressKind.ObligationStarted) started.TrySetResult();
        });
        await started.Task;

        // The drain (20 s by default) outlasts the proof (2 s a goal): the run finishes where it is.
        await fixture.Cluster.StopSiloAsync(silo);
        var events = await following;

        var theorem = (await grain.GetAsync())!;
        Assert.Equal(TheoremStatus.Unknown, theorem.Status);
        Assert.Single(events, e => e.Kind == ProgressKind.Completed);
        Assert.Single(events, e => e.Kind == ProgressKind.Decomposed);
        // Nothing was proved twice: at most one goal per solver per obligation (portfolio: z3 and cvc5; a
        // loser interrupted before it started runs none). A restart would have run the claim's goals again.
        var goals = pools.Sum(p => p.Statistics.GoalsRun) - goalsBefore;
        Assert.True(goals <= 2 * theorem.Obligations.Count, $"{goals} goals ran for {theorem.Obligations.Count} obligations");
    }
}

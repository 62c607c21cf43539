using Hms.Frontend.V1;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>A proof cut off by a kill -9 is picked up when `serve` starts again and reaches a verdict.</summary>
[Collection(ServeCollection.Name)]
public sealed class ResumeAfterKillTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output)
{
    [Fact]
    public async Task A_theorem_running_at_the_kill_reaches_its_verdict_after_restart()
    {
        await Service.EnsureRunningAsync();
        // About 5 s of solver time (z3 gives up, cvc5 times out): still running when the kill comes.
        var theorem = Theorems.Slow("kill-running", timeoutSeconds: 5, variablePrefix: "r");
        await Service.Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: DateTime.UtcNow.AddSeconds(30));
        var seen = await Progress.WatchUntilAsync(Service.Client, theorem.Id,
            e => e.Kind == ProgressKind.ObligationStarted, TimeSpan.FromSeconds(30));
        Assert.Equal(ProgressKind.ObligationStarted, seen[^1].Kind);

        await Service.Server.KillHardAsync();
        Assert.DoesNotContain(seen, e => e.Kind == ProgressKind.Completed);
        await Service.StartAsync();

        var resumed = await Progress.WatchToCompletionAsync(Service.Client, theorem.Id, TimeSpan.FromSeconds(60), seen[^1].Sequence);
        var after = await Service.Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.True(Theorems.IsVerdict(after.Status), $"expected a verdict after the restart, got {after.Status}: {after.Error}");
        Assert.Equal(after.Status, resumed[^1].TheoremStatus);
        // The proof ran again in the new process: it was decomposed again after the restart.
        Assert.Contains(resumed, e => e.Kind == ProgressKind.Decomposed);
        Assert.All(after.Obligations, o => Assert.NotEqual(ObligationStatus.Running, o.Status));
    }
}

using Hms.Frontend.V1;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>Decided theorems live in PostgreSQL: a kill -9 of `serve` loses none of them.</summary>
[Collection(ServeCollection.Name)]
public sealed class SurvivesKillTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output)
{
    [Fact]
    public async Task Verdicts_and_counterexamples_are_the_same_after_kill_9_and_restart()
    {
        await Service.EnsureRunningAsync();
        var before = await Progress.ProveAllAsync(Service.Client,
        [
            Theorems.Proved("kill-proved"),
            Theorems.DisprovedReal("kill-disproved-real"),
            Theorems.DisprovedInt("kill-disproved-int"),
            Theorems.DisprovedDivision("kill-disproved-division"),
        ], TimeSpan.FromSeconds(60));
        Assert.Equal(
            new[] { TheoremStatus.Proved, TheoremStatus.Disproved, TheoremStatus.Disproved, TheoremStatus.Disproved },
            before.Select(t => t.Status));
        foreach (var disproved in before.Skip(1))
        {
            Assert.NotEmpty(disproved.Counterexample.Assignment);
            Assert.True(disproved.Counterexample.Validated, $"{disproved.Id}: counterexample not validated");
        }

        var killed = Service.Server.Process;
        await Service.Server.KillHardAsync();
        Assert.Equal(128 + 9, killed.ExitCode);
        Assert.True(await PgLocal.IsRunningAsync(Service.DataDirectory), "the PostgreSQL postmaster must outlive a kill -9 of serve");
        await Service.StartAsync();

        foreach (var expected in before)
        {
            var after = await Service.Client.GetTheoremAsync(new GetTheoremRequest { Id = expected.Id },
                deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.Equal(expected.Status, after.Status);
            Assert.Equal(expected.Counterexample, after.Counterexample);
            // Everything else as well: obligations, proof, warnings, timestamps.
            Assert.Equal(expected, after);
        }
    }
}

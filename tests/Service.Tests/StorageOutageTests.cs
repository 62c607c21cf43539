using Grpc.Core;
using Hms.Frontend.V1;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>
/// PostgreSQL crashes (`pg_ctl stop -m immediate`) while `serve` proves a batch, and comes back: a transient
/// storage fault delays what is stored but never becomes a verdict, and nothing decided meanwhile is lost.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class StorageOutageTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output)
{
    private const string Domain = "storage_outage";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Each theorem its own variables, so that no answer comes from the proof cache; expected verdicts known.</summary>
    private static List<(Theorem Theorem, TheoremStatus Expected)> Batch()
    {
        var batch = new List<(Theorem, TheoremStatus)>();
        for (var i = 0; i < 4; i++)
        {
            batch.Add((Theorems.Infix($"outage-proved-{i}", $"p{i} + 1 > p{i} and p{i} * p{i} >= 0", [$"p{i} > 0"]), TheoremStatus.Proved));
            batch.Add((Theorems.Infix($"outage-real-{i}", $"r{i}^2 >= r{i}"), TheoremStatus.Disproved));
            batch.Add((Theorems.Infix($"outage-int-{i}", $"n{i}^2 > n{i}", [$"n{i} > 0"], new Dictionary<string, string> { [$"n{i}"] = "Int" }),
                TheoremStatus.Disproved));
            // About 3 s of solver time each, ending UNKNOWN: these are the ones running when the database goes.
            batch.Add((Theorems.Slow($"outage-slow-{i}", timeoutSeconds: 3, variablePrefix: $"s{i}"), TheoremStatus.Unknown));
        }
        foreach (var (theorem, _) in batch) theorem.Domain = Domain;
        return batch;
    }

    [Fact]
    public async Task A_database_crash_mid_batch_delays_the_verdicts_but_never_turns_one_into_error()
    {
        await Service.EnsureRunningAsync();
        var batch = Batch();
        foreach (var (theorem, _) in batch)
            await Service.Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: DateTime.UtcNow.AddSeconds(30));
        var slow = batch.Where(b => b.Expected == TheoremStatus.Unknown).Select(b => b.Theorem.Id).ToList();
        // Mid-batch: the first slow theorem is with a solver, the others wait for one.
        await Progress.WatchUntilAsync(Service.Client, slow[0], e => e.Kind == ProgressKind.ObligationStarted, Timeout);

        await PgLocal.CrashAsync(Service.DataDirectory);
        try
        {
            // Proofs go on and finish while the database is down (the last slow one was queued behind the others).
            var during = await Progress.WatchToCompletionAsync(Service.Client, slow[^1], Timeout);
            Assert.Equal(TheoremStatus.Unknown, during[^1].TheoremStatus);
            Assert.False(await PgLocal.IsRunningAsync(Service.DataDirectory), "the database came back by itself");
            // A theorem not in memory cannot be read meanwhile: UNAVAILABLE, in a short message without Orleans' internals.
            var failure = await Assert.ThrowsAsync<RpcException>(() => Service.Client.GetTheoremAsync(
                new GetTheoremRequest { Id = "outage-never-submitted" }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
            Assert.True(failure.Status.Detail.Length < 200, failure.Status.Detail);
            Assert.DoesNotContain("Orleans", failure.Status.Detail);
            Assert.DoesNotContain("storage provider", failure.Status.Detail);
        }
        finally
        {
            await PgLocal.StartAsync(Service.DataDirectory, Service.Ports.Postgres);
        }

        await AssertVerdictsAsync(batch, "after the outage");
        // What was decided during the outage reached the database: a restart reads it back.
        Assert.True(await Service.Server.StopAsync(), "serve did not stop on SIGTERM");
        await Service.StartAsync();
        await AssertVerdictsAsync(batch, "after a restart");
    }

    private async Task AssertVerdictsAsync(List<(Theorem Theorem, TheoremStatus Expected)> batch, string when)
    {
        var stored = new Dictionary<string, Theorem>(StringComparer.Ordinal);
        foreach (var (theorem, expected) in batch)
        {
            await Progress.WatchToCompletionAsync(Service.Client, theorem.Id, Timeout);
            var got = await Service.Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.True(got.Status == expected, $"{when}: {theorem.Id} is {got.Status}, expected {expected} ({got.Error})");
            stored[theorem.Id] = got;
        }
        // The list agrees with the theorems: nothing it shows as running, every status the same.
        var listed = await Service.Client.ListTheoremsAsync(new ListTheoremsRequest { Domain = Domain, PageSize = 100 },
            deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), listed.Theorems.Select(t => t.Id));
        Assert.All(listed.Theorems, t => Assert.Equal(stored[t.Id].Status, t.Status));
        var running = await Service.Client.ListTheoremsAsync(new ListTheoremsRequest { Domain = Domain, Status = TheoremStatus.Running },
            deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Empty(running.Theorems);
    }
}

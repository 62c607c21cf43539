using Grpc.Core;
using Hms.Frontend.V1;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>Issue 11's "done when": a silo of three lost with SIGKILL in the middle of a batch, and nothing lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>, IDisposable
{
    private const string Domain = "cluster-failover";
    private const int QuickTheorems = 50;
    private const int SlowTheorems = 12;

    /// <summary>What the batch may take, kill and recovery included, on a loaded two-core machine.</summary>
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(5);

    private SiloCluster Cluster => fixture.Cluster;

    /// <summary>
    /// The theorems whose grain or obligations were on the dead silo are resumed by the survivors (run leases and
    /// the sweep after a death, src/Grains/Runs), so every one reaches its verdict through silo 3.
    /// </summary>
    [Fact]
    public async Task Sixty_theorems_through_silo_1_survive_a_sigkill_of_silo_2_and_are_each_listed_once_through_silo_3()
    {
        var batch = Batch();
        foreach (var (theorem, _) in batch)
            await Cluster[0].Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: DateTime.UtcNow.AddSeconds(30));
        // A slow theorem's first obligation has started: the batch is in flight, with slow proofs RUNNING.
        var slow = batch.First(b => b.Expected == TheoremStatus.Unknown).Theorem.Id;
        var started = await Progress.WatchUntilAsync(Cluster[0].Client, slow, e => e.Kind == ProgressKind.ObligationStarted, TimeSpan.FromSeconds(60));
        Assert.Equal(ProgressKind.ObligationStarted, started[^1].Kind);
        var running = await ListAllAsync(Cluster[0].Client, TheoremStatus.Running);
        Assert.NotEmpty(running);

        await Cluster[1].KillHardAsync();
        // Until then calls to grains the dead silo held fail UNAVAILABLE ("retry later"), as a client is told.
        Assert.True(await Cluster.WaitForStatusAsync(Cluster.Members[1], SiloCluster.Dead, SiloCluster.DeathDeclarationBound),
            "silo 2 was not declared dead");

        using var deadline = new CancellationTokenSource(BatchTimeout);
        var survivor = Cluster[2].Client;
        var silos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (theorem, expected) in batch)
        {
            List<ProveTheoremProgress> events;
            try
            {
                events = await FollowAsync(survivor, theorem.Id, deadline.Token);
            }
            catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                var stuck = (await ListAllAsync(survivor, TheoremStatus.Running)).Concat(await ListAllAsync(survivor, TheoremStatus.Pending));
                Assert.Fail($"'{theorem.Id}' did not complete within {BatchTimeout}; unfinished after the kill: {string.Join(", ", stuck)}");
                throw;
            }
            var read = await survivor.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.True(expected == read.Status, $"{theorem.Id}: expected {expected}, got {read.Status} ({read.Error})");
            Assert.Equal(read.Status, events[^1].TheoremStatus);
            Assert.All(read.Obligations, o => Assert.NotEqual(ObligationStatus.Running, o.Status));
            silos.UnionWith(read.Obligations.Select(o => o.Silo).Where(s => s.Length > 0));
            // Each event number once, in order: no obligation result applied twice after the failover.
            Assert.Equal(events.Select(e => e.Sequence).Distinct().Count(), events.Count);
            deadline.Token.ThrowIfCancellationRequested();
        }
        // Small pages, so that the listing is cut many times while the index is read by another silo than wrote it.
        var listed = await ListAllAsync(survivor, TheoremStatus.Unspecified, pageSize: 7);
        Assert.Equal(batch.Select(b => b.Theorem.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Empty(await ListAllAsync(survivor, TheoremStatus.Running));
        // The solvers of more than one silo did the work (each obligation records the silo that decided it).
        Assert.True(silos.Count >= 2, $"obligations ran on {silos.Count} silo(s): {string.Join(", ", silos)}");
    }

    /// <summary>Quick theorems of the four known kinds, and slow ones that run into their 5 s limit (UNKNOWN).</summary>
    private static List<(Theorem Theorem, TheoremStatus Expected)> Batch()
    {
        var quick = new List<(Theorem, TheoremStatus)>();
        for (var i = 0; i < QuickTheorems; i++)
        {
            var id = $"failover-{i:D3}";
            quick.Add((i % 4) switch
            {
                0 => (Theorems.Proved(id), TheoremStatus.Proved),
                1 => (Theorems.DisprovedReal(id), TheoremStatus.Disproved),
                2 => (Theorems.DisprovedInt(id), TheoremStatus.Disproved),
                _ => (Theorems.DisprovedDivision(id), TheoremStatus.Disproved),
            });
        }
        // A slow one after every four quick ones, so that slow proofs are spread over the silos among the rest.
        var batch = new List<(Theorem, TheoremStatus)>();
        for (var i = 0; i < QuickTheorems; i++)
        {
            batch.Add(quick[i]);
            var slow = i / 4;
            if (i % 4 == 3 && slow < SlowTheorems)
                batch.Add((Theorems.Slow($"failover-slow-{slow:D2}", timeoutSeconds: 5, variablePrefix: $"s{slow}"), TheoremStatus.Unknown));
        }
        foreach (var (theorem, _) in batch) theorem.Domain = Domain;
        return batch;
    }

    /// <summary>
    /// WatchTheorem to the completion, resumed after the last event seen when a call ends UNAVAILABLE: a grain
    /// call can still meet the dead silo while the survivors' directories catch up.
    /// </summary>
    private static async Task<List<ProveTheoremProgress>> FollowAsync(TheoremProver.TheoremProverClient client, string id,
        CancellationToken cancellationToken)
    {
        var events = new List<ProveTheoremProgress>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var call = client.WatchTheorem(new WatchTheoremRequest { Id = id, AfterSequence = events.Count > 0 ? events[^1].Sequence : 0 },
                    cancellationToken: cancellationToken);
                await foreach (var e in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    events.Add(e);
                    if (e.Kind == ProgressKind.Completed) return events;
                }
                Assert.Fail($"the watch of '{id}' ended without COMPLETED: {string.Join(", ", events.Select(e => e.Kind))}");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken); // the service asked to retry later
            }
        }
    }

    private static async Task<List<string>> ListAllAsync(TheoremProver.TheoremProverClient client, TheoremStatus status, int pageSize = 100)
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListTheoremsAsync(new ListTheoremsRequest { Domain = Domain, Status = status, PageSize = pageSize, PageToken = token },
                deadline: DateTime.UtcNow.AddSeconds(30));
            ids.AddRange(page.Theorems.Select(t => t.Id));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return ids;
    }

    public void Dispose()
    {
        foreach (var log in Cluster.Logs(200)) output.WriteLine(log);
    }
}

using Hms.Grains.Journal;
using Hms.Grains.Messages;
using Hms.Proving.Proof;
using Hms.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hms.Grains.Tests;

/// <summary>
/// The journal fails (its database is down) while a proof finishes, and the theorem's activation ends before it
/// is back, as when the process stops: the verdict was stored, its events were not. A follower must still see
/// the log end with Completed, never wait for one that will not come.
/// </summary>
public sealed class JournalOutageTests : IAsyncLifetime
{
    private readonly TestCluster cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public Task InitializeAsync() => cluster.DeployAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private FailingJournal Journal => ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<FailingJournal>();

    [Fact]
    public async Task A_verdict_whose_events_never_reached_the_journal_still_ends_its_log_with_completed()
    {
        var client = cluster.Client;
        var spec = new TheoremSpec { Id = $"journal-outage-{Guid.NewGuid():N}", Statement = "x * x + 1 > 0" };
        var theorem = client.GetGrain<ITheoremGrain>(spec.Id);
        Journal.Failing = true;
        Assert.Equal(SubmitOutcome.Accepted, (await theorem.SubmitAsync(spec, new(), false)).Outcome);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            // Followers of the live activation see the events (kept in memory while the journal fails).
            var live = new List<ProgressEvent>();
            await foreach (var e in ProgressFeed.WatchAsync(client, spec.Id, 0, timeout.Token)) live.Add(e);
            Assert.Equal(ProgressKind.Completed, live[^1].Kind);
        }
        Assert.Empty(await Journal.Inner.ReadAsync(spec.Id, 0));

        // The activation ends with the journal still down: its events are gone with it.
        var management = client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(theorem));
        Journal.Failing = false;

        using var again = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var replayed = new List<ProgressEvent>();
        await foreach (var e in ProgressFeed.WatchAsync(client, spec.Id, 0, again.Token)) replayed.Add(e);
        Assert.Equal(ProgressKind.Completed, replayed[^1].Kind);
        Assert.Equal(TheoremStatus.Proved, replayed[^1].TheoremStatus);
        Assert.Equal(TheoremStatus.Proved, (await theorem.GetAsync())!.Status);
    }

    /// <summary>The memory journal, with appends that fail while <see cref="Failing"/> is set (the fault to inject).</summary>
    private sealed class FailingJournal(MemoryTheoremJournal inner) : ITheoremJournal
    {
        public volatile bool Failing;

        public MemoryTheoremJournal Inner { get; } = inner;

        public Task AppendAsync(string theoremId, IReadOnlyList<ProgressEvent> events, CancellationToken cancellationToken = default) =>
            Failing ? throw new InvalidOperationException("journal down (injected)") : Inner.AppendAsync(theoremId, events, cancellationToken);

        public Task<IReadOnlyList<ProgressEvent>> ReadAsync(string theoremId, long afterSequence, int limit = int.MaxValue,
            CancellationToken cancellationToken = default) => Inner.ReadAsync(theoremId, afterSequence, limit, cancellationToken);

        public Task DeleteAsync(string theoremId, CancellationToken cancellationToken = default) => Inner.DeleteAsync(theoremId, cancellationToken);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddHmsSilo(new HmsSiloOptions());
            silo.Services.AddSingleton(new FailingJournal(new MemoryTheoremJournal()));
            silo.Services.AddSingleton<ITheoremJournal>(services => services.GetRequiredService<FailingJournal>());
        }
    }
}

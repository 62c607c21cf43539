using Hms.Grains;
using Hms.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hms.Storage.Tests;

/// <summary>A silo of the service itself (<c>AddHmsSilo</c>) on the fixture's PostgreSQL: grains, journal, index, recovery.</summary>
public sealed class HmsPostgresSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder silo)
    {
        var connectionString = silo.Configuration[PostgresStorageSiloConfigurator.ConnectionStringKey]
            ?? throw new InvalidOperationException($"{PostgresStorageSiloConfigurator.ConnectionStringKey} is not set");
        silo.AddHmsSilo(new HmsSiloOptions { Storage = StorageKind.Postgres, PostgresConnectionString = connectionString, Python = false });
    }
}

public static class HmsClusters
{
    /// <summary>
    /// Starts a one-silo service cluster. Rows of the journal, index and grain state are keyed by the service id:
    /// a test that restarts keeps its id, and other tests' theorems are not its business.
    /// </summary>
    public static async Task<TestCluster> StartAsync(PostgresFixture pg, string serviceId)
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[PostgresStorageSiloConfigurator.ConnectionStringKey] = pg.ConnectionString;
        builder.AddSiloBuilderConfigurator<HmsPostgresSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static IServiceProvider Services(TestCluster cluster) => (cluster.Primary as InProcessSiloHandle
        ?? throw new InvalidOperationException("the test cluster's silo is not in process")).SiloHost.Services;

    public static ITheoremIndex Index(TestCluster cluster) => Services(cluster).GetRequiredService<ITheoremIndex>();

    /// <summary>Follows a theorem's log until its Completed event (or until <paramref name="until"/> says stop).</summary>
    public static async Task<List<Hms.Grains.Messages.ProgressEvent>> FollowAsync(TestCluster cluster, string id, long after = 0,
        Func<Hms.Grains.Messages.ProgressEvent, bool>? until = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        List<Hms.Grains.Messages.ProgressEvent> events = [];
        await foreach (var e in ProgressFeed.WatchAsync(cluster.Client, id, after, timeout.Token))
        {
            events.Add(e);
            if (until?.Invoke(e) == true) break;
        }
        return events;
    }
}

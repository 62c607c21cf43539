using System.Net;
using System.Net.Sockets;
using Hms.Grains.Decomposition;
using Hms.Grains.Runs;
using Hms.Grains.Spread;
using Hms.Silo.Hosting;
using Hms.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Hms.Grains.Tests.Cluster;

/// <summary>
/// Three in-process silos on one real PostgreSQL (started here, on a free port), so that a silo's death loses
/// nothing stored. Each silo has two solver slots and a queue of two goals, so one theorem's obligations
/// overflow a silo, and membership declares a killed silo dead within seconds.
/// </summary>
public sealed class MultiSiloFixture : IAsyncLifetime
{
    public const int Silos = 3;

    /// <summary>The database of the fixture being set up (silo configurators are built by the test host, without arguments).</summary>
    private static string? connection;

    private LocalPostgres? postgres;

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        postgres = new LocalPostgres(Directory.CreateTempSubdirectory("hms-lease-pg-").FullName, FreePort());
        connection = await postgres.StartAsync();
        await SchemaInstaller.InstallAsync(connection);
        Cluster = new TestClusterBuilder(Silos)
            .AddSiloBuilderConfigurator<SiloConfigurator>()
            .AddClientBuilderConfigurator<ClientConfigurator>()
            .Build();
        await Cluster.DeployAsync();
        await WaitUntilSilosSeeEachOtherAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (postgres is not null) await postgres.StopAsync();
    }

    public static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    public static SolverLoadBoard Board(SiloHandle silo) => Services(silo).GetRequiredService<SolverLoadBoard>();

    public static ProofEngine Engine(SiloHandle silo) => Services(silo).GetRequiredService<ProofEngine>();

    /// <summary>Brings the cluster back to <see cref="Silos"/> silos after a test stopped or killed one.</summary>
    public async Task RestoreAsync()
    {
        while (Cluster.GetActiveSilos().Count() < Silos) await Cluster.StartAdditionalSiloAsync();
        await WaitUntilSilosSeeEachOtherAsync();
    }

    /// <summary>Set-up, not an assertion: every silo's load board has read the others' figures once.</summary>
    private async Task WaitUntilSilosSeeEachOtherAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var silos = Cluster.GetActiveSilos().ToList();
        while (!silos.All(s => Board(s).OthersTakingRuns().Count == silos.Count - 1))
            await Task.Delay(50, limit.Token);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var options = new HmsSiloOptions { Storage = StorageKind.Postgres, PostgresConnectionString = connection, Python = false };
            options.Solvers.MaxConcurrency = 2;
            options.Solvers.MaxQueueLength = 2;
            options.Solvers.ShortGoalSlots = 0;
            silo.AddHmsSilo(options);
            silo.Services.Configure<RunOptions>(o =>
            {
                o.LeaseSeconds = 6;
                o.LoadRefreshMilliseconds = 100;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.AddMemoryStreams(ProgressStreams.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class MultiSiloCollection : ICollectionFixture<MultiSiloFixture>
{
    public const string Name = "MultiSilo";
}

using Hms.Grains;
using Hms.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hms.Grains.Tests;

/// <summary>One in-process cluster (a silo with memory storage and real solvers, and an external client) per collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    /// <summary>The silo's services: the catalogue index and the journal are services of the silo, not grains.</summary>
    public IServiceProvider SiloServices => (Cluster.Primary as InProcessSiloHandle
        ?? throw new InvalidOperationException("the test cluster's silo is not in process")).SiloHost.Services;

    public ITheoremIndex Index => SiloServices.GetRequiredService<ITheoremIndex>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddHmsSilo(new HmsSiloOptions());
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.AddMemoryStreams(ProgressStreams.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}

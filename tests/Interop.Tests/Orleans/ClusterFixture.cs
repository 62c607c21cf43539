using Hms.Interop.Bridge;
using Hms.Interop.Orleans;
using Hms.Interop.Tests.Fixtures;
using Orleans.TestingHost;

namespace Hms.Interop.Tests.Orleans;

/// <summary>Two in-process silos, each with its own bridge (sharing the process's interpreter), and a client.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        // The probe module lives in the process's interpreter, which the silos' bridges share.
        await using (var bridge = await PythonBridge.StartAsync(TestOptions.Bridge()))
            await ProbeModule.RegisterAsync(bridge);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) =>
            silo.AddPythonBridge(options => options.SharedMemory.Prefix = TestOptions.Prefix);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}

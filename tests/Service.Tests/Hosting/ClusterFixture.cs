namespace Hms.Service.Tests.Hosting;

/// <summary>Three silos on 127.0.0.2/3/4 with PostgreSQL membership, shared by the tests of one class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private SiloCluster? cluster;

    public SiloCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster did not start");

    public async Task InitializeAsync() => cluster = await SiloCluster.StartAsync(3);

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
    }
}

/// <summary>
/// The cluster tests run one after another and apart from the single-serve tests: each runs several silos,
/// and a machine of two cores is busy enough with one class of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "hms cluster";
}

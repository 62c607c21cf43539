using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Hms.Storage.Tests;

/// <summary>Silo set-up under test: the AdoNet grain storage on PostgreSQL via Npgsql.</summary>
public sealed class PostgresStorageSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionStringKey = "HmsStorageTests:ConnectionString";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey]
            ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set");

        // Invariant "Npgsql": the provider loads assembly Npgsql and uses
        // Npgsql.NpgsqlFactory.Instance itself; no DbProviderFactories registration needed.
        siloBuilder.AddAdoNetGrainStorage("Default", options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        });
        siloBuilder.AddAdoNetGrainStorage("Deleting", options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
            options.DeleteStateOnClear = true;
        });
    }
}

public static class Clusters
{
    /// <summary>Starts a one-silo cluster whose grain storage is the fixture's PostgreSQL.</summary>
    public static async Task<TestCluster> StartAsync(PostgresFixture pg)
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = PostgresFixture.ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[PostgresStorageSiloConfigurator.ConnectionStringKey] = pg.ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgresStorageSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task StopAsync(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }
}

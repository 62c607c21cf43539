using Hms.Silo.Hosting;
using Microsoft.Extensions.Configuration;

// The silo executable for deployments: settings come from configuration (appsettings.json, HMS__* environment
// variables), e.g. HMS__STORAGE=Postgres, HMS__POSTGRES=<connection string>, HMS__PORT=5000, HMS__CLUSTERING=Postgres,
// HMS__METRICSPORT=5003 (Prometheus), HMS__DASHBOARDPORT=5004 (Orleans Dashboard, loopback).
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build()
    .GetSection("Hms");
await HmsServer.RunAsync(Hms.Silo.SiloExecutable.ReadSettings(configuration), args);

namespace Hms.Silo
{
    /// <summary>What the executable reads of the Hms section itself (the rest is read by the silo it runs).</summary>
    public static class SiloExecutable
    {
        // Public for tests/Deploy.Tests, which checks that deploy/ sets no key the silo does not read.
        public static ServerSettings ReadSettings(IConfiguration hms) => new()
        {
            Port = hms.GetValue("Port", ServerSettings.DefaultPort),
            ListenAddress = hms.GetValue("ListenAddress", "0.0.0.0")!,
            Storage = hms.GetValue("Storage", StorageKind.Postgres),
            Clustering = hms.GetValue("Clustering", ClusteringKind.Localhost),
            PostgresConnectionString = hms["Postgres"],
            MetricsPort = hms.GetValue<int?>("MetricsPort"),
            DashboardPort = hms.GetValue<int?>("DashboardPort"),
        };
    }
}

using Hms.Silo.Hosting;
using Microsoft.Extensions.Configuration;

// The silo executable for deployments: settings come from configuration (appsettings.json, HMS__* environment
// variables), e.g. HMS__STORAGE=Postgres, HMS__POSTGRES=<connection string>, HMS__PORT=5000, HMS__CLUSTERING=Postgres.
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build()
    .GetSection("Hms");
var settings = new ServerSettings
{
    Port = configuration.GetValue("Port", ServerSettings.DefaultPort),
    ListenAddress = configuration.GetValue("ListenAddress", "0.0.0.0")!,
    Storage = configuration.GetValue("Storage", StorageKind.Postgres),
    Clustering = configuration.GetValue("Clustering", ClusteringKind.Localhost),
    PostgresConnectionString = configuration["Postgres"],
};
await HmsServer.RunAsync(settings, args);

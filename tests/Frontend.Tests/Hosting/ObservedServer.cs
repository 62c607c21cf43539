using Grpc.Net.Client;
using Hms.Frontend.V1;
using Hms.Silo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>
/// `hms serve` as it runs (HmsServer.Build, memory storage) with the Prometheus endpoint and the Orleans Dashboard
/// on loopback ports of their own: the observability tests see what an operator sees.
/// </summary>
public sealed class ObservedServer : IAsyncLifetime
{
    private WebApplication? app;
    private GrpcChannel? channel;

    public const int WindowSeconds = 3600;

    public ServerSettings Settings { get; } = new()
    {
        Port = FrontendHost.FreePort(),
        Storage = StorageKind.Memory,
        SiloPort = FrontendHost.FreePort(),
        GatewayPort = FrontendHost.FreePort(),
        MetricsPort = FrontendHost.FreePort(),
        DashboardPort = FrontendHost.FreePort(),
    };

    public TheoremProver.TheoremProverClient Client { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        // A window far longer than the collection runs: no measurement expires between a test's two reports.
        app = HmsServer.Build(Settings, postgres: null, [$"--{Hms.Proving.Metrics.MetricsOptions.Section}:WindowSeconds={WindowSeconds}"]);
        await app.StartAsync();
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Settings.Port}");
        Client = new TheoremProver.TheoremProverClient(channel);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ObservedCollection : ICollectionFixture<ObservedServer>
{
    public const string Name = "observed server";
}

using System.Net;
using Hms.Agents;
using Hms.Frontend;
using Hms.Silo.Hosting.Telemetry;
using Hms.Silo.Storage;
using Hms.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hms.Silo.Hosting;

/// <summary>
/// The service in one process: an Orleans silo and the gRPC frontend on Kestrel (h2c), optionally the MCP
/// endpoint for AI agents and the web page, each on a port of its own, with grain state in
/// PostgreSQL (its schema installed on start) or in memory. `hms serve` and the silo executable both run this.
/// </summary>
public static class HmsServer
{
    public static async Task RunAsync(ServerSettings settings, string[] args, CancellationToken cancellationToken = default)
    {
        LocalPostgres? local = null;
        var connection = settings.PostgresConnectionString;
        if (settings.Storage == StorageKind.Postgres && connection is null)
        {
            local = new LocalPostgres(settings.DataDirectory, settings.LocalPostgresPort);
            connection = await local.StartAsync(cancellationToken);
        }
        try
        {
            if (settings.Storage == StorageKind.Postgres)
                await SchemaInstaller.InstallAsync(connection!, cancellationToken);
            await using var app = Build(settings, connection, args);
            await app.RunAsync(cancellationToken);
        }
        finally
        {
            if (local is not null) await local.StopAsync(CancellationToken.None);
        }
    }

    public static WebApplication Build(ServerSettings settings, string? postgres, string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(settings.ListenAddress), settings.Port, o => o.Protocols = HttpProtocols.Http2);
            // MCP clients speak HTTP/1.1 (and SSE), which the h2c-only gRPC port refuses; always loopback.
            if (settings.McpPort is { } mcp) kestrel.Listen(IPAddress.Loopback, mcp, o => o.Protocols = HttpProtocols.Http1);
            // The browser's port, likewise HTTP/1.1 on loopback (EventSource and fetch).
            if (settings.WebPort is { } web) kestrel.Listen(IPAddress.Loopback, web, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.UseOrleans(silo => silo
            .UseHmsClustering(settings, postgres)
            .UseHmsKubernetesHosting() // after clustering: the pod's name and IP win
            .AddHmsSilo(new HmsSiloOptions
            {
                Storage = settings.Storage,
                PostgresConnectionString = postgres,
                Clustering = settings.Clustering,
            }));
        builder.AddHmsTelemetry(settings); // logging, OpenTelemetry, Prometheus, the dashboard: Telemetry/TelemetrySetup.cs
        builder.Services.AddHmsFrontend();
        if (settings.McpPort is not null) builder.Services.AddHmsAgents().WithHttpTransport();
        if (settings.WebPort is not null) builder.Services.AddHmsWeb();
        var app = builder.Build();
        if (settings.WebPort is { } webPort) app.MapHmsWeb(webPort); // its guard runs before the transcoded rpcs
        app.MapHmsFrontend();
        app.MapHmsTelemetry(settings);
        if (settings.McpPort is { } port) app.MapHmsAgents(port);
        return app;
    }
}

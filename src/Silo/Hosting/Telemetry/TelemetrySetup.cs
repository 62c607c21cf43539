using System.Net;
using Hms.Proving.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Orleans.Dashboard;

namespace Hms.Silo.Hosting.Telemetry;

/// <summary>
/// The one place where the server's logging and telemetry are set up (eShop's ServiceDefaults in spirit): log
/// levels; metrics through OpenTelemetry — this service's meters (`Hms.*`), Orleans', ASP.NET Core's, the
/// runtime's and Npgsql's — scraped by Prometheus on a port of their own (on the gRPC port's address); and the Orleans Dashboard
/// (loopback only). Both ports speak HTTP/1.1: the gRPC port is h2c only (HTTP/2 with prior knowledge), which Prometheus and
/// browsers do not speak, and neither surface is meant for the network (the dashboard shows grain state).
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";

    public static WebApplicationBuilder AddHmsTelemetry(this WebApplicationBuilder builder, ServerSettings settings)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        if (settings.MetricsPort is { } metrics)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("hms"))
                .WithMetrics(meters => meters
                    .AddMeter(HmsInstruments.MeterPrefix + "*", HmsInstruments.OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter());
            // On the gRPC port's address: loopback for `hms serve`, every interface in a deployment, where Prometheus scrapes the pod.
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(IPAddress.Parse(settings.ListenAddress), metrics, o => o.Protocols = HttpProtocols.Http1));
        }
        if (settings.DashboardPort is { } dashboard)
        {
            // UseOrleans again reaches the same silo builder: the dashboard joins the silo HmsServer configured.
            builder.UseOrleans(silo => silo.AddDashboard());
            Listen(builder, dashboard);
        }
        return builder;
    }

    public static WebApplication MapHmsTelemetry(this WebApplication app, ServerSettings settings)
    {
        if (settings.MetricsPort is { } metrics)
            app.MapPrometheusScrapingEndpoint(MetricsPath)
                .RequireHost(IPAddress.IsLoopback(IPAddress.Parse(settings.ListenAddress)) ? LoopbackHosts(metrics) : [$"*:{metrics}"]);
        if (settings.DashboardPort is { } dashboard)
            app.MapOrleansDashboard(DashboardPath).RequireHost(LoopbackHosts(dashboard));
        return app;
    }

    /// <summary>Always loopback: the dashboard shows grain state and has no authentication of its own.</summary>
    private static void Listen(WebApplicationBuilder builder, int port) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1));

    /// <summary>Only requests addressed to a loopback name on the port: a rebound name or another port gets 404.</summary>
    private static string[] LoopbackHosts(int port) => [$"127.0.0.1:{port}", $"localhost:{port}"];
}

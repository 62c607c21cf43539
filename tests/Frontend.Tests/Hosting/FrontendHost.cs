extern alias frontend;

using System.Net;
using System.Net.Sockets;
using frontend::Hms.Frontend;
using Grpc.Net.Client;
using Hms.Frontend.V1;
using Hms.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>
/// One real host for the API tests: an Orleans silo with memory storage, the real grains and solvers, and
/// the frontend on Kestrel over h2c on a loopback port the OS picks.
/// </summary>
public class FrontendHost : IAsyncLifetime
{
    /// <summary>Small, so the overload test can fill the gate; the other tests hold at most one slot at a time.</summary>
    public const int MaxInFlightProofs = 4;

    public const int MaxStreamTheorems = 3;

    public const int MaxBatchBytes = 1024 * 1024;

    private WebApplication? app;
    private GrpcChannel? channel;

    /// <summary>The host's h2c address.</summary>
    public Uri Url => new(app?.Urls.Single() ?? throw new InvalidOperationException("the host has not started"));

    public GrpcChannel Channel => channel ?? throw new InvalidOperationException("the host has not started");

    public TheoremProver.TheoremProverClient Client { get; private set; } = null!;

    /// <summary>The silo's grains, for what no RPC does (forcing deactivation).</summary>
    public IGrainFactory Grains => (app ?? throw new InvalidOperationException("the host has not started")).Services.GetRequiredService<IGrainFactory>();

    /// <summary>The host's services (the silo's proof engine and solver pool among them).</summary>
    public IServiceProvider Services => (app ?? throw new InvalidOperationException("the host has not started")).Services;

    /// <summary>Tells when the server is done with a request.</summary>
    public CallTracker Handlers { get; } = new();

    /// <summary>Every error the host logged.</summary>
    public ErrorLog Log { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(Log);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // Fixed Orleans ports would collide with another test run on the same machine.
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .AddHmsSilo(Configure(new HmsSiloOptions { Storage = StorageKind.Memory })));
        // Compression on, so every test of the API also runs through it.
        builder.Services.AddHmsFrontend(options =>
        {
            options.MaxInFlightProofs = MaxInFlightProofs;
            options.ResponseCompression = "gzip";
            // Below MaxInFlightProofs, so a stream is held back by its own flow control before the gate refuses;
            // a short reply queue, so a slow reader fills it quickly.
            options.MaxStreamTheorems = MaxStreamTheorems;
            options.StreamQueueLength = 4;
            options.MaxBatchBytes = MaxBatchBytes;
        });
        app = builder.Build();
        app.Use(Handlers.TrackAsync);
        app.MapHmsFrontend();
        await app.StartAsync();
        channel = GrpcChannel.ForAddress(app.Urls.Single());
        Client = new TheoremProver.TheoremProverClient(channel);
    }

    /// <summary>A host of other solver settings changes them here.</summary>
    protected virtual HmsSiloOptions Configure(HmsSiloOptions silo) => silo;

    public virtual async Task DisposeAsync()
    {
        channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

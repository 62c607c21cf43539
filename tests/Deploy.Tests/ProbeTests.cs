using System.Globalization;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hms.Silo.Hosting;
using static Hms.Deploy.Tests.Manifests;

namespace Hms.Deploy.Tests;

/// <summary>The kubelet's gRPC probes, as silo.yaml declares them, asked of a real silo: each one is SERVING.</summary>
public sealed class ProbeTests
{
    [Fact]
    public async Task EveryProbeOfTheSiloIsServing()
    {
        var silo = Load().Silo();
        var settings = new ServerSettings
        {
            Storage = StorageKind.Memory,
            Port = Ports.Free(),
            SiloPort = Ports.Free(),
            GatewayPort = Ports.Free(),
        };
        await using var app = HmsServer.Build(settings, null, []);
        await app.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings.Port}");
            var health = new Health.HealthClient(channel);
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                var grpc = Map(Map(silo, probe), "grpc");
                var service = grpc.TryGetValue("service", out var name) ? (string)name : "";
                var timeout = Convert.ToInt32(Map(silo, probe)["timeoutSeconds"], CultureInfo.InvariantCulture);

                var reply = await health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(timeout));

                Assert.True(reply.Status == HealthCheckResponse.Types.ServingStatus.Serving, $"{probe} (service '{service}') is {reply.Status}");
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }
}

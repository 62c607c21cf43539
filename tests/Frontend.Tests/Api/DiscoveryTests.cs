using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Hms.Frontend.Tests.Hosting;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class DiscoveryTests(FrontendHost host)
{
    [Fact]
    public async Task Reflection_lists_the_theorem_prover_service()
    {
        var reflection = new ServerReflection.ServerReflectionClient(host.Channel);
        using var call = reflection.ServerReflectionInfo(deadline: Calls.Deadline());

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains("hms.theorem_prover.v1.TheoremProver",
            call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hms.theorem_prover.v1.TheoremProver")]
    public async Task Health_reports_serving(string service)
    {
        var health = new Health.HealthClient(host.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: Calls.Deadline());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}

using Hms.Frontend.Tests.Hosting;

namespace Hms.Frontend.Tests.Api;

/// <summary>A bad Hms:Metrics setting stops the start, not the first report.</summary>
public sealed class MetricsOptionsTests
{
    [Theory]
    [InlineData("WindowSeconds", "0")]
    [InlineData("MaxSamplesPerStage", "2000000")]
    public async Task A_bad_metrics_setting_stops_the_start(string name, string value)
    {
        var settings = new Hms.Silo.Hosting.ServerSettings
        {
            Port = FrontendHost.FreePort(),
            Storage = Hms.Silo.Hosting.StorageKind.Memory,
            SiloPort = FrontendHost.FreePort(),
            GatewayPort = FrontendHost.FreePort(),
        };
        await using var app = Hms.Silo.Hosting.HmsServer.Build(settings, postgres: null, [$"--Hms:Metrics:{name}={value}"]);

        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Hms:Metrics", e.Message);
    }
}

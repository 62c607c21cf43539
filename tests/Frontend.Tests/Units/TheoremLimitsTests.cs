using Hms.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hms.Frontend.Tests.Units;

/// <summary>Hms:Limits is validated when the host starts: limits that contradict themselves or the core's stop it.</summary>
public sealed class TheoremLimitsTests
{
    [Theory]
    [InlineData("MaxNameBytes", "0", "every byte limit must be positive")]
    [InlineData("MaxTimeoutSeconds", "86401", "timeouts must lie within 1..86400 s, minimum first")]
    [InlineData("MinPriority", "11", "MinPriority must not exceed MaxPriority")]
    [InlineData("MaxStatementBytes", "2097152", "MaxStatementBytes may be at most the core's 1048576")]
    public void Contradictory_limits_are_refused_with_the_setting_named(string key, string value, string problem)
    {
        using var services = Services(new Dictionary<string, string?> { [$"Hms:Limits:{key}"] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TheoremLimits>>().Value);

        Assert.Equal($"Hms:Limits: {problem}", failure.Message);
    }

    [Fact]
    public void Configured_limits_are_bound()
    {
        using var services = Services(new Dictionary<string, string?> { ["Hms:Limits:MaxNameBytes"] = "10", ["Hms:Limits:MaxTimeoutSeconds"] = "30" });

        var limits = services.GetRequiredService<IOptions<TheoremLimits>>().Value;

        Assert.Equal(10, limits.MaxNameBytes);
        Assert.Equal("--timeout must be between 1 and 30 (0: the default), not 31", limits.TimeoutProblem(31, "--timeout"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddTheoremLimits();
        return services.BuildServiceProvider();
    }
}

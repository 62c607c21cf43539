using Hms.Service.Tests.Hosting;

namespace Hms.Service.Tests;

/// <summary>`hms serve`'s cluster options and Hms:Cluster refuse bad values with a clear message before anything starts.</summary>
public sealed class ServeClusterOptionsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(new[] { "--clustering", "zookeeper" }, "unknown clustering 'zookeeper' (expected localhost or postgres)")]
    [InlineData(new[] { "--host", "silo-1.example" }, "--host 'silo-1.example' is not an IPv4 address")]
    [InlineData(new[] { "--host", "::1" }, "--host '::1' is not an IPv4 address")]
    [InlineData(new[] { "--clustering", "postgres", "--storage", "memory" }, "--storage memory is for one silo")]
    public async Task A_bad_cluster_option_is_a_usage_error(string[] options, string message)
    {
        var run = await HmsCliRun.RunAsync(["serve", .. options], Timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hms__Cluster__ProbeTimeout", "00:00:00", "Hms:Cluster:ProbeTimeout")]
    [InlineData("Hms__Cluster__NumVotesForDeathDeclaration", "0", "Hms:Cluster:NumVotesForDeathDeclaration")]
    [InlineData("Hms__Cluster__ServiceId", "two words", "Hms:Cluster:ServiceId 'two words' must be 1 to 150 printable ASCII characters")]
    public async Task A_bad_Hms_Cluster_setting_stops_the_start(string variable, string value, string message)
    {
        string[] arguments = [Repo.HmsDll, "serve", "--storage", "memory", "--port", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--silo-port", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture)];
        using var serve = ChildProcess.Start("dotnet", arguments, Repo.Root, new Dictionary<string, string> { [variable] = value });

        Assert.True(await serve.WaitForExitAsync(Timeout), $"serve with {variable}={value} did not stop: {serve.Tail()}");
        Assert.NotEqual(0, serve.ExitCode);
        Assert.Contains(serve.StandardError, line => line.Contains(message, StringComparison.Ordinal));
    }
}

using System.Reflection;
using Hms.Silo;
using Hms.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;

namespace Hms.Deploy.Tests;

/// <summary>
/// Every environment variable deploy/ gives the silo is one something in it reads: a typo (Hms__Solvers__MaxConcurency)
/// or a setting nothing reads any more would otherwise be ignored in silence. The silo is built and started for
/// real on a configuration that records each key looked up; no list of keys is kept here.
/// </summary>
public sealed class ConfigurationKeyTests
{
    /// <summary>A key no silo reads, among the deployed ones: the recording must not count it.</summary>
    private const string Canary = "Hms:Solvers:MaxConcurency";

    [Fact]
    public async Task EveryKeyDeployedIsOneTheSiloReads()
    {
        var deployed = Manifests.DockerfileEnvironment().Concat(Manifests.Load().SiloEnvironment()).ToList();
        var keys = new Dictionary<string, EnvSetting>(StringComparer.OrdinalIgnoreCase);
        var unread = new List<string>();
        foreach (var setting in deployed)
        {
            if (ConfigurationKey(setting.Name) is { } key) keys[key] = setting;
            else if (!KubernetesHostingVariables.Contains(setting.Name)) unread.Add($"{setting.Name} ({setting.Source}): read by nothing");
        }
        var data = keys.ToDictionary(k => k.Key, k => k.Value.Value ?? "from-a-secret-or-the-downward-api", StringComparer.OrdinalIgnoreCase);
        data[Canary] = "2";

        var reads = await ReadsOfStartedSiloAsync(data);
        reads.UnionWith(await ReadsOfKubernetesHostingAsync(data));

        Assert.DoesNotContain(Canary, reads);
        foreach (var (key, setting) in keys)
        {
            if (!reads.Contains(key))
                unread.Add($"{setting.Name} ({setting.Source}): the silo never reads {key}");
        }
        Assert.True(unread.Count == 0, string.Join("\n", unread));
    }

    /// <summary>
    /// The configuration key of an environment variable, as .NET maps it: `__` is `:`, and the host reads DOTNET_
    /// and ASPNETCORE_ variables without their prefix. Null for a variable that is no configuration.
    /// </summary>
    private static string? ConfigurationKey(string variable)
    {
        foreach (var prefix in new[] { "DOTNET_", "ASPNETCORE_" })
        {
            if (variable.StartsWith(prefix, StringComparison.Ordinal)) return variable[prefix.Length..].Replace("__", ":");
        }
        return variable.StartsWith("Hms__", StringComparison.Ordinal) ? variable.Replace("__", ":") : null;
    }

    /// <summary>The downward-API variables Orleans' Kubernetes hosting reads itself, by its own constants.</summary>
    private static readonly HashSet<string> KubernetesHostingVariables = typeof(KubernetesHostingOptions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The silo executable's path: its own keys (SiloExecutable.ReadSettings), then HmsServer's WebApplication with
    /// the silo, started and stopped. Where a test process cannot take a deployed value, the settings are changed
    /// after they were read: memory storage (no database), localhost ports, and no Kubernetes API.
    /// </summary>
    private static async Task<HashSet<string>> ReadsOfStartedSiloAsync(Dictionary<string, string> data)
    {
        var source = new RecordingConfigurationSource(data, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{KubernetesHosting.Section}:Enabled"] = "false",
        });
        var settings = SiloExecutable.ReadSettings(new ConfigurationBuilder().Add(source).Build().GetSection("Hms")) with
        {
            Storage = StorageKind.Memory,
            Clustering = ClusteringKind.Localhost, // the manifests' postgres clustering needs a database; its keys are read either way
            ListenAddress = "127.0.0.1",
            Port = Ports.Free(),
            SiloPort = Ports.Free(),
            GatewayPort = Ports.Free(),
        };
        RecordingStartup.Source = source;
        try
        {
            await using var app = HmsServer.Build(settings, null, [$"--hostingStartupAssemblies={typeof(RecordingStartup).Assembly.GetName().Name}"]);
            await app.StartAsync();
            await app.StopAsync();
        }
        finally
        {
            RecordingStartup.Source = null;
        }
        return [.. source.Reads.Keys];
    }

    /// <summary>
    /// With Hms:Kubernetes:Enabled the silo binds Orleans' KubernetesHostingOptions; outside a pod its agent cannot
    /// start, so the options are resolved from the built host instead. Their validation then refuses the missing
    /// pod namespace, as it should outside a pod; the binding has happened before.
    /// </summary>
    private static async Task<HashSet<string>> ReadsOfKubernetesHostingAsync(Dictionary<string, string> data)
    {
        var source = new RecordingConfigurationSource(data, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{KubernetesHosting.Section}:Enabled"] = "true",
        });
        var settings = new ServerSettings { Storage = StorageKind.Memory, Port = Ports.Free(), SiloPort = Ports.Free(), GatewayPort = Ports.Free() };
        RecordingStartup.Source = source;
        try
        {
            await using var app = HmsServer.Build(settings, null, [$"--hostingStartupAssemblies={typeof(RecordingStartup).Assembly.GetName().Name}"]);
            var outsidePod = Record.Exception(() => app.Services.GetRequiredService<IOptions<KubernetesHostingOptions>>().Value);
            if (outsidePod is not null) Assert.Contains("POD_NAMESPACE", outsidePod.Message);
        }
        finally
        {
            RecordingStartup.Source = null;
        }
        return [.. source.Reads.Keys];
    }
}

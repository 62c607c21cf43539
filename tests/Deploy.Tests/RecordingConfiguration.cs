using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

[assembly: HostingStartup(typeof(Hms.Deploy.Tests.RecordingStartup))]

namespace Hms.Deploy.Tests;

/// <summary>
/// A configuration source that holds the deployment's settings and writes down every key anyone looks up in it:
/// after a silo was built and started on it, <see cref="Reads"/> is what the silo reads. <see cref="Substitutes"/>
/// answers for keys that cannot take their deployed value in a test process (they are still recorded).
/// </summary>
internal sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> substitutes)
    : IConfigurationSource
{
    private IReadOnlyDictionary<string, string> Data { get; } = data;

    private IReadOnlyDictionary<string, string> Substitutes { get; } = substitutes;

    public ConcurrentDictionary<string, bool> Reads { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

    private sealed class Provider : ConfigurationProvider
    {
        private readonly RecordingConfigurationSource source;

        public Provider(RecordingConfigurationSource source)
        {
            this.source = source;
            foreach (var (key, value) in source.Data) Data[key] = value;
        }

        public override bool TryGet(string key, out string? value)
        {
            source.Reads.TryAdd(key, true);
            if (source.Substitutes.TryGetValue(key, out var substitute))
            {
                value = substitute;
                return true;
            }
            return base.TryGet(key, out value);
        }
    }
}

/// <summary>
/// Puts <see cref="Source"/> into the configuration of the silo's own WebApplication (HmsServer.Build), which the
/// test cannot reach otherwise: ASP.NET Core runs the hosting startups named by --hostingStartupAssemblies.
/// </summary>
public sealed class RecordingStartup : IHostingStartup
{
    internal static RecordingConfigurationSource? Source { get; set; }

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            if (Source is { } source) configuration.Add(source);
        });
}

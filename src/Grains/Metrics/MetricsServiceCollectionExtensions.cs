using System.Diagnostics.Metrics;
using Hms.Grains.Journal;
using Hms.Proving.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hms.Grains.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The silo's instruments and the recorder the performance report reads (Hms:Metrics, validated at start).
    /// Call after the journal is registered: it is wrapped so that its operations are timed.
    /// </summary>
    public static IServiceCollection AddHmsProofMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProofMetrics>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.Problem() is null, "Hms:Metrics: WindowSeconds must be 1 to 3600 and MaxSamplesPerStage 1 to 1000000")
            .ValidateOnStart();
        services.TryAddSingleton(s => new PerformanceRecorder(s.GetRequiredService<IOptions<MetricsOptions>>().Value,
            s.GetRequiredService<TimeProvider>(), s.GetRequiredService<IMeterFactory>()));
        // Listening must begin before the first proof, not at the first report.
        services.AddHostedService<PerformanceRecorderStart>();
        DecorateJournal(services);
        return services;
    }

    private static void DecorateJournal(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(ITheoremJournal)) index = i;
        }
        if (index < 0) return;
        var registered = services[index];
        Func<IServiceProvider, ITheoremJournal> inner = registered switch
        {
            { ImplementationInstance: ITheoremJournal instance } => _ => instance,
            { ImplementationFactory: { } factory } => s => (ITheoremJournal)factory(s),
            { ImplementationType: { } type } => s => (ITheoremJournal)ActivatorUtilities.CreateInstance(s, type),
            _ => throw new InvalidOperationException("the journal registration has no implementation"),
        };
        services[index] = ServiceDescriptor.Describe(typeof(ITheoremJournal),
            s => new MeasuredTheoremJournal(inner(s), s.GetRequiredService<ProofMetrics>(), s.GetRequiredService<TimeProvider>()),
            registered.Lifetime);
    }

    private sealed class PerformanceRecorderStart(PerformanceRecorder recorder) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = recorder.Window;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

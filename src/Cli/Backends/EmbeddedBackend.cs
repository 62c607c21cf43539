using Hms.Cli.Output;
using Hms.Grains;
using Hms.Grains.Messages;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hms.Cli.Backends;

/// <summary>
/// An Orleans silo inside this process, with memory storage: `hms prove` without a server goes through the
/// same grains, proof cache and progress streams as the service.
/// </summary>
internal sealed class EmbeddedBackend(IHost host, BackendSettings settings) : IProverBackend
{
    public static async Task<EmbeddedBackend> StartAsync(BackendSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        // The silo's own notices are not the user's business here; errors still show.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        // stdout carries results (JSON lines with --json): logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort.Next(), FreePort.Next())
            // One user's batch: every slot may run its long goals (the service keeps a short-goal lane for other clients).
            .AddHmsSilo(new HmsSiloOptions { Solvers = { ShortGoalSlots = 0, DumpDirectory = settings.DumpDirectory } }));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedBackend(host, settings);
    }

    public async Task<TheoremResult> ProveAsync(TheoremDocument document, ProgressObserver observer, CancellationToken cancellationToken)
    {
        try
        {
            return await ProveOnSiloAsync(document, observer, cancellationToken);
        }
        catch (TimeoutException e)
        {
            // An Orleans call that outlived its response timeout: this theorem's error, not the end of the run.
            return Failed(document, $"the prover did not answer in time: {e.Message.Split(Environment.NewLine)[0]}");
        }
    }

    private async Task<TheoremResult> ProveOnSiloAsync(TheoremDocument document, ProgressObserver observer, CancellationToken cancellationToken)
    {
        var client = host.Services.GetRequiredService<IClusterClient>();
        var grain = client.GetGrain<ITheoremGrain>(document.Id);
        var proveSettings = new ProveSettings
        {
            Strategies = settings.Strategies,
            TimeoutSeconds = settings.TimeoutSeconds,
            UseGeneticOptimization = settings.UseGeneticOptimization,
        };
        var submitted = await grain.SubmitAsync(TheoremSpec.From(document), proveSettings, replace: false);
        switch (submitted.Outcome)
        {
            case SubmitOutcome.Invalid:
                return Failed(document, submitted.Message ?? "invalid theorem");
            case SubmitOutcome.AlreadyExists:
                return Failed(document, $"another theorem with the id '{document.Id}' was proved in this run; theorem ids must be unique");
        }
        await ProgressRelay.FollowAsync(
            ProgressFeed.WatchAsync(client, document.Id, 0, cancellationToken),
            e => (e.Kind, e.ObligationCount ?? 0), observer);
        var snapshot = await grain.GetAsync() ?? throw new InvalidOperationException($"theorem '{document.Id}' vanished");
        return SnapshotConversion.ToResult(snapshot);
    }

    private static TheoremResult Failed(TheoremDocument document, string error) =>
        new(document.Id, TheoremStatus.Error, null, [], null, [], [], error, TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

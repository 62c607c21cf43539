using Hms.Grains.Decomposition;
using Hms.Grains.Spread;
using Microsoft.Extensions.Logging;

namespace Hms.Grains.Runs;

/// <summary>
/// The silo's part in spreading and handing over work: while active it reads the other silos' solver load and
/// watches membership (when a silo dies, one survivor — the lowest address among the active — sweeps the
/// unfinished theorems, whose grains restart the runs that silo owned); when it stops it drains first.
/// </summary>
internal sealed partial class ClusterWorkLifecycle(SolverLoadBoard board, ProofEngine engine, IGrainFactory grains, IClusterMembershipService membership,
    ITheoremIndex index, TimeProvider clock, ILogger<ClusterWorkLifecycle> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource stop = new();
    private Task[] loops = [];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterWorkLifecycle), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        loops = [board.RefreshAsync(grains, membership, clock, stop.Token), WatchMembershipAsync(stop.Token)];
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await engine.DrainAsync(cancellationToken);
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        var previous = membership.CurrentSnapshot;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
            {
                var lost = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && previous.GetSiloStatus(m.SiloAddress) != SiloStatus.Dead)
                    .Select(m => m.SiloAddress).ToList();
                previous = snapshot;
                if (lost.Count == 0) continue;
                var sweeper = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active)
                    .Select(m => m.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal).FirstOrDefault();
                if (sweeper != board.LocalSilo) continue;
                LogSweep(string.Join(", ", lost));
                try
                {
                    var resumed = await UnfinishedSweep.RunAsync(grains, index, logger, cancellationToken);
                    LogSwept(resumed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The runs' leases still lapse, and their grains restart them.
                    logger.LogError(e, "The sweep of unfinished theorems after a silo was lost failed");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo stops.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo(s) {Silos} declared dead: resuming the unfinished theorems whose runs they owned")]
    private partial void LogSweep(string silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked {Count} unfinished theorems after a silo was lost")]
    private partial void LogSwept(int count);
}

using Hms.Grains.Messages;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;
using Microsoft.Extensions.Logging;

namespace Hms.Grains.Spread;

/// <summary>
/// Proves a run's obligations where solver slots are free: here while this silo has some (no hop, no
/// serialization: the local path is the plain <see cref="ObligationProver"/>), else on the freest other silo,
/// else in this silo's queue. A full queue is load, never a verdict: the obligation goes elsewhere or waits
/// and tries again. A silo that fails the call (it died) is forgotten and the obligation is proved elsewhere;
/// its result, if it ever comes, is dropped with the call, so none is applied twice.
/// </summary>
internal sealed class SpreadObligationRunner(SolverLoadBoard board, IGrainFactory grains, ObligationProver local, TheoremSpec spec,
    TimeProvider clock, ILogger logger) : IObligationRunner
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>Pool slots one obligation takes: both solvers race under the portfolio.</summary>
    public static int GoalsOf(Strategy? strategy) => strategy is Strategy.Z3 or Strategy.Cvc5 ? 1 : 2;

    public async Task<ObligationResult> ProveAsync(Obligation obligation, ProofOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var goals = GoalsOf(options.Strategy);
        var wait = FirstWait;
        var localFull = false;
        string? failed = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!localFull && board.TryReserveLocal(goals))
            {
                if (await TryLocalAsync(obligation, options, timeout, goals, cancellationToken) is { } result) return result;
                localFull = true;
                continue;
            }
            if (board.PickRemote(goals, failed) is { } silo)
            {
                try
                {
                    var outcome = await grains.GetGrain<ISiloWorkGrain>(silo).ProveObligationAsync(Work(obligation, options, timeout), cancellationToken);
                    if (outcome.Refused is null) return ObligationOutcomes.ToResult(outcome);
                    board.MarkFull(silo);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Obligation {Obligation} of {TheoremId} failed on silo {Silo}; proving it elsewhere", obligation.Id, spec.Id, silo);
                    board.Forget(silo);
                    failed = silo;
                }
                continue;
            }
            if (!localFull)
            {
                // Nowhere free: this silo's queue is as good as any.
                board.ReserveLocal(goals);
                if (await TryLocalAsync(obligation, options, timeout, goals, cancellationToken) is { } queued) return queued;
            }
            await Task.Delay(wait, clock, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxWait.Ticks));
            localFull = false;
        }
    }

    /// <summary>Proves it here on the slots already reserved; null when the queue was full.</summary>
    private async Task<ObligationResult?> TryLocalAsync(Obligation obligation, ProofOptions options, TimeSpan timeout, int goals,
        CancellationToken cancellationToken)
    {
        try
        {
            return await local.ProveAsync(obligation, options, timeout, cancellationToken) with { Silo = board.LocalSilo };
        }
        catch (SolverQueueFullException)
        {
            return null;
        }
        finally
        {
            board.ReleaseLocal(goals);
        }
    }

    private ObligationWork Work(Obligation obligation, ProofOptions options, TimeSpan timeout) => new()
    {
        Spec = spec, ObligationId = obligation.Id, ContentHash = obligation.ContentHash, Strategy = options.Strategy?.ToName(),
        Priority = options.Priority, Owner = options.Owner, TimeoutMs = (long)timeout.TotalMilliseconds,
    };
}

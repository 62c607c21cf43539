using Hms.Grains.Decomposition;
using Hms.Grains.Messages;
using Hms.Grains.Runs;
using Hms.Grains.Spread;
using Microsoft.Extensions.Logging;

namespace Hms.Grains.Theorems;

/// <summary>
/// The theorem's run and its lease: which silo owns the run, when it was last heard from, and restarting it
/// elsewhere when its silo died or stopped or the lease lapsed. Reports of an older run are refused by their
/// attempt number, so no result of a lost run is applied after its successor started.
/// </summary>
internal sealed partial class TheoremGrain
{
    private readonly ProofEngine engine;
    private readonly SolverLoadBoard board;
    private readonly IClusterMembershipService membership;
    private readonly RunOptions runOptions;

    /// <summary>Until when the run counts as alive without being heard from.</summary>
    private DateTimeOffset leaseUntil;

    private IGrainTimer? leaseTimer;

    /// <summary>The run whose decomposition this activation has applied (a retried report applies nothing).</summary>
    private int? decomposedAttempt;

    /// <summary>
    /// After a restart: what the log has already said for this document (each obligation's start and finish), so
    /// the new run's reports add no second event of the same thing. Null on a first run.
    /// </summary>
    private HashSet<string>? announced;

    private void RenewLease() => leaseUntil = clock.GetUtcNow() + runOptions.Lease;

    /// <summary>The report belongs to the current run: it renews the run's lease.</summary>
    private bool Reported(int attempt)
    {
        if (!IsCurrent(attempt)) return false;
        RenewLease();
        return true;
    }

    /// <summary>True when the log has not said it yet.</summary>
    private bool Announce(string what) => announced?.Add(what) ?? true;

    private async Task LoadAnnouncedAsync()
    {
        await FlushEventsNowAsync();
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in await VisibleAfterAsync(S.SequenceFloor))
        {
            switch (e.Kind)
            {
                case ProgressKind.ObligationStarted: said.Add("started " + e.ObligationId); break;
                case ProgressKind.ObligationFinished: said.Add("finished " + e.ObligationId); break;
            }
        }
        announced = said;
    }

    private bool RunIsAlive()
    {
        if (S.RunOwner is not { } owner) return false;
        if (clock.GetUtcNow() > leaseUntil) return false;
        return owner == board.LocalSilo ? engine.IsRunning(Id) : OwnerAlive(owner);
    }

    private bool OwnerAlive(string owner)
    {
        try
        {
            return membership.CurrentSnapshot.GetSiloStatus(SiloAddress.FromParsableString(owner)) is SiloStatus.Active or SiloStatus.ShuttingDown;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Starts the run here, or, while this silo drains, on the freest other silo; ownerless when none takes it (the lease watch retries).</summary>
    private async Task StartRunAsync()
    {
        var spec = document.State.Spec!;
        string? owner = null;
        if (engine.Start(Id, S.Attempt, spec, S.Settings))
        {
            owner = board.LocalSilo;
        }
        else
        {
            foreach (var silo in board.OthersTakingRuns())
            {
                try
                {
                    owner = await GrainFactory.GetGrain<ISiloWorkGrain>(silo).StartRunAsync(Id, S.Attempt, spec, S.Settings);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Theorem {TheoremId}: silo {Silo} could not take its run", Id, silo);
                }
                if (owner is not null) break;
            }
        }
        S.RunOwner = owner;
        RenewLease();
        WatchLease();
    }

    private async Task StopRunAsync()
    {
        S.Attempt++; // reports from the stopped run no longer count
        var owner = S.RunOwner;
        S.RunOwner = null;
        if (owner is null) return;
        if (owner == board.LocalSilo)
        {
            engine.Stop(Id);
            return;
        }
        if (!OwnerAlive(owner)) return;
        try
        {
            await GrainFactory.GetGrain<ISiloWorkGrain>(owner).StopRunAsync(Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Its reports are refused (older attempt) and its next heartbeat stops it.
            logger.LogWarning(e, "Theorem {TheoremId}: could not stop its run on silo {Silo}", Id, owner);
        }
    }

    /// <summary>Checks the run every half lease while the theorem is unfinished; a lost run is started again.</summary>
    private void WatchLease()
    {
        if (leaseTimer is not null) return;
        var period = runOptions.Lease / 2;
        leaseTimer = this.RegisterGrainTimer(async _ =>
        {
            if (!Exists || S.IsFinished)
            {
                leaseTimer?.Dispose();
                leaseTimer = null;
                return;
            }
            if (RunIsAlive()) return;
            logger.LogWarning("Theorem {TheoremId}: its run on {Silo} is lost (silo gone or lease lapsed); starting it again", Id, S.RunOwner ?? "no silo");
            await RestartRunAsync();
        }, new GrainTimerCreationOptions(period, period));
    }

    Task<bool> ITheoremGrain.RenewRunAsync(int attempt) => Task.FromResult(Reported(attempt));

    async Task ITheoremGrain.HandBackRunAsync(int attempt)
    {
        if (!IsCurrent(attempt)) return;
        logger.LogInformation("Theorem {TheoremId}: silo {Silo} is stopping and hands back its run", Id, S.RunOwner);
        S.RunOwner = null; // that silo has stopped it already
        await RestartRunAsync();
    }
}

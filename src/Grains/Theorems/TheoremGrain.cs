using Hms.Grains.Messages;
using Hms.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Hms.Proving.Compiling;
using Hms.Proving.Proof;
using Orleans.Streams;

namespace Hms.Grains.Theorems;

/// <summary>
/// Owns one theorem. Submissions are validated here (a theorem that does not parse is never stored); the
/// proof runs in a decomposition and reports back; every step becomes a numbered event that is stored,
/// then published on the theorem's progress stream.
/// </summary>
internal sealed class TheoremGrain : Grain, ITheoremGrain
{
    private readonly IPersistentState<TheoremState> state;
    private readonly TimeProvider clock;
    private readonly StateWriter<TheoremState> writer;
    private readonly TheoremLimits limits;

    public TheoremGrain([PersistentState("theorem", HmsStorage.Theorems)] IPersistentState<TheoremState> state,
        TimeProvider clock, ILogger<TheoremGrain> logger, IOptions<TheoremLimits> limits)
    {
        this.state = state;
        this.clock = clock;
        this.limits = limits.Value;
        writer = new StateWriter<TheoremState>(state, this, clock, logger);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        published = S.LastSequence; // what storage holds was written
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        writer.FlushOnDeactivationAsync();

    private TheoremState S => state.State;
    private bool Exists => S.Spec is not null;

    async Task<SubmitResult> ITheoremGrain.SubmitAsync(TheoremSpec spec, ProveSettings settings, bool replace)
    {
        var id = this.GetPrimaryKeyString();
        if (spec.Id != id)
            return new SubmitResult(SubmitOutcome.Invalid, id, TheoremStatus.Error, $"theorem id '{spec.Id}' does not match '{id}'");
        // The frontend checks the same limits; checked here too, for callers that come through Orleans directly.
        if (limits.CheckSubmission(spec, settings) is { } tooLarge)
            return new SubmitResult(SubmitOutcome.Invalid, id, TheoremStatus.Error, tooLarge);
        var hash = spec.ContentHash;
        if (Exists && S.ContentHash == hash)
            return new SubmitResult(SubmitOutcome.Unchanged, id, S.Status, null);
        if (Exists && !replace)
            return new SubmitResult(SubmitOutcome.AlreadyExists, id, S.Status,
                $"theorem '{id}' already exists with different content; ask to replace it");
        try
        {
            // Parsing a large theorem is real work: keep it off the grain's scheduler thread, and bounded.
            using var budget = new CancellationTokenSource(TheoremCompiler.TimeLimit, clock);
            await Task.Run(() => TheoremCompiler.Compile(spec.ToDocument(), budget.Token), budget.Token);
        }
        catch (TheoremInputException e)
        {
            return new SubmitResult(SubmitOutcome.Invalid, id, TheoremStatus.Error, e.Message);
        }
        catch (OperationCanceledException)
        {
            return new SubmitResult(SubmitOutcome.Invalid, id, TheoremStatus.Error,
                $"theorem '{id}' is too large: compiling it took longer than {TheoremCompiler.TimeLimit.TotalSeconds:0} s");
        }

        if (Exists)
        {
            await StopRunAsync();
            // The log describes the current document only; numbering goes on, so no subscriber sees a number twice.
            S.SequenceFloor = S.LastSequence;
            S.Events = [];
        }
        var now = clock.GetUtcNow();
        S.Spec = spec;
        S.Settings = settings;
        S.ContentHash = hash;
        S.Status = TheoremStatus.Pending;
        S.Complexity = null;
        S.Obligations = [];
        S.Verdict = null;
        S.CompletedAt = null;
        if (S.CreatedAt == default) S.CreatedAt = now;
        S.Attempt++;
        // Catalogued first: a crash right after storing the theorem must still find it to resume.
        await CatalogAsync();
        await RecordAsync(new ProgressEvent { TheoremId = id, Kind = ProgressKind.Submitted });
        await StartOrCancelAsync();
        return new SubmitResult(SubmitOutcome.Accepted, id, S.Status, null);
    }

    Task<TheoremSnapshot?> ITheoremGrain.GetAsync() => Task.FromResult(Exists ? S.ToSnapshot() : null);

    Task<TheoremSnapshot?> ITheoremGrain.GetSummaryAsync() => Task.FromResult(Exists ? S.ToSummary() : null);

    async Task<bool> ITheoremGrain.DeleteAsync()
    {
        if (!Exists) return false;
        if (!S.IsFinished)
        {
            // Watchers see the proof end before the theorem goes.
            await StopRunAsync();
            await FinishAsync(new TheoremVerdict { Status = TheoremStatus.Cancelled, Error = "deleted" });
        }
        // The catalog first: a theorem whose state is gone but whose entry stayed would be listed as nothing.
        await GrainFactory.GetGrain<ITheoremCatalogGrain>(0).RemoveAsync(Id);
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return true;
    }

    async Task<TheoremSnapshot?> ITheoremGrain.CancelAsync()
    {
        if (!Exists) return null;
        if (!S.IsFinished)
        {
            await StopRunAsync();
            await FinishAsync(new TheoremVerdict { Status = TheoremStatus.Cancelled, Error = "cancelled" });
        }
        return S.ToSnapshot();
    }

    Task<IReadOnlyList<ProgressEvent>> ITheoremGrain.GetEventsAsync(long afterSequence) =>
        Task.FromResult<IReadOnlyList<ProgressEvent>>([.. S.Events.Where(e => e.Sequence > afterSequence)]);

    async Task<ProgressBatch> ITheoremGrain.WaitForEventsAsync(long afterSequence, TimeSpan maxWait)
    {
        if (published <= afterSequence && !LogEnded)
        {
            // Interleaved with the proof's own calls (single-threaded all the same): it only reads, then waits.
            using var window = new CancellationTokenSource(maxWait, clock);
            try
            {
                await appended.Task.WaitAsync(window.Token);
            }
            catch (OperationCanceledException)
            {
                // Nothing new in the window: the follower asks again.
            }
        }
        List<ProgressEvent> events = [.. S.Events.Where(e => e.Sequence > afterSequence && e.Sequence <= published)];
        return new ProgressBatch(events, LogEnded);
    }

    /// <summary>No event will follow the visible ones: no theorem, or a finished one whose last event is visible.</summary>
    private bool LogEnded => !Exists || (S.IsFinished && published == S.LastSequence);

    async Task ITheoremGrain.ResumeAsync()
    {
        if (!Exists) return;
        if (S.IsFinished)
        {
            // Finished, but the catalog missed it (a crash between the two writes): repair the catalog.
            await CatalogAsync();
            return;
        }
        S.Attempt++;
        S.Status = TheoremStatus.Pending;
        S.Obligations = [];
        await writer.WriteAsync();
        await StartOrCancelAsync();
    }

    async Task<bool> ITheoremGrain.OnDecomposedAsync(int attempt, IReadOnlyList<ObligationState> obligations,
        Complexity complexity, IReadOnlyList<string> solverVersions)
    {
        if (!IsCurrent(attempt)) return false;
        S.Status = TheoremStatus.Running;
        S.Obligations = [.. obligations];
        S.Complexity = complexity;
        S.SolverVersions = [.. solverVersions];
        await RecordAsync(new ProgressEvent { TheoremId = Id, Kind = ProgressKind.Decomposed, ObligationCount = obligations.Count });
        await CatalogAsync();
        return true;
    }

    async Task<bool> ITheoremGrain.OnObligationStartedAsync(int attempt, string obligationId, string strategy)
    {
        if (!IsCurrent(attempt)) return false;
        var index = S.Obligations.FindIndex(o => o.Id == obligationId);
        if (index >= 0) S.Obligations[index] = S.Obligations[index] with { Status = ObligationStatus.Running, Strategy = strategy };
        await RecordAsync(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.ObligationStarted, ObligationId = obligationId,
            Description = index >= 0 ? S.Obligations[index].Description : null, Strategy = strategy,
        });
        return true;
    }

    async Task<bool> ITheoremGrain.OnObligationFinishedAsync(int attempt, ObligationState result)
    {
        if (!IsCurrent(attempt)) return false;
        var index = S.Obligations.FindIndex(o => o.Id == result.Id);
        if (index >= 0) S.Obligations[index] = result; else S.Obligations.Add(result);
        await RecordAsync(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.ObligationFinished, ObligationId = result.Id, Description = result.Description,
            Strategy = result.Strategy, ObligationStatus = result.Status, ElapsedMs = result.ElapsedMs,
        });
        return true;
    }

    async Task<bool> ITheoremGrain.OnSearchProgressAsync(int attempt, int generation, double bestFitness)
    {
        if (!IsCurrent(attempt)) return false;
        await RecordAsync(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.SearchProgress, Strategy = "genetic", Generation = generation, BestFitness = bestFitness,
        });
        return true;
    }

    async Task ITheoremGrain.OnCompletedAsync(int attempt, TheoremVerdict verdict)
    {
        if (!IsCurrent(attempt)) return;
        // The caller's deadline passed first: it was told the proof was cancelled, so it is.
        await FinishAsync(IsPastCancelAt ? DeadlineVerdict : verdict);
    }

    private string Id => this.GetPrimaryKeyString();

    private static readonly TheoremVerdict DeadlineVerdict =
        new() { Status = TheoremStatus.Cancelled, Error = "cancelled: the caller's deadline passed before the verdict" };

    private bool IsPastCancelAt => S.Settings.CancelAt is { } at && clock.GetUtcNow() >= at;

    /// <summary>Starts the proof, unless the caller has stopped waiting; then cancels it when the caller's deadline comes.</summary>
    private async Task StartOrCancelAsync()
    {
        if (IsPastCancelAt)
        {
            await FinishAsync(DeadlineVerdict);
            return;
        }
        await StartRunAsync();
        if (S.Settings.CancelAt is { } at)
        {
            var attempt = S.Attempt;
            this.RegisterGrainTimer(async _ =>
            {
                if (!IsCurrent(attempt)) return;
                await StopRunAsync();
                await FinishAsync(DeadlineVerdict);
            }, new GrainTimerCreationOptions(at - clock.GetUtcNow(), Timeout.InfiniteTimeSpan));
        }
    }

    private bool IsCurrent(int attempt) => Exists && attempt == S.Attempt && !S.IsFinished;

    private async Task FinishAsync(TheoremVerdict verdict)
    {
        S.Status = verdict.Status;
        S.Verdict = verdict;
        S.CompletedAt = clock.GetUtcNow();
        await RecordAsync(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.Completed, TheoremStatus = verdict.Status, ElapsedMs = verdict.ElapsedMs,
        });
        await CatalogAsync();
    }

    /// <summary>Numbers the event, stores it with the state, then publishes it: stored first, so a replay never misses a published event.</summary>
    private async Task RecordAsync(ProgressEvent e)
    {
        var now = clock.GetUtcNow();
        e = e with { Sequence = S.LastSequence + 1, At = now };
        S.Events.Add(e);
        S.UpdatedAt = now;
        // Published even when storage is failing: the event is real and kept in memory until it can be written.
        await writer.WriteAsync();
        Publish(e.Sequence);
        await this.GetStreamProvider(ProgressStreams.Provider).GetStream<ProgressEvent>(ProgressStreams.For(Id)).OnNextAsync(e);
    }

    /// <summary>
    /// Events up to this number are visible to followers: numbered, and their write done (or kept for a retry).
    /// An event numbered but not yet written is not shown, so a follower never sees what a crash could take back.
    /// </summary>
    private long published;

    /// <summary>Completed and replaced by a fresh one each time events become visible: what waiting followers wait on.</summary>
    private TaskCompletionSource appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Publish(long sequence)
    {
        if (sequence <= published) return;
        published = sequence;
        var waiting = appended;
        appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    /// <summary>Tells the catalog the current status; when that fails, again once storage is back, with the status then.</summary>
    private Task CatalogAsync() => writer.RunOrDeferAsync(() =>
        GrainFactory.GetGrain<ITheoremCatalogGrain>(0).UpsertAsync(new CatalogEntry(Id, S.Spec?.Domain, S.Status)));

    private Task StartRunAsync() =>
        GrainFactory.GetGrain<IDecompositionGrain>(0).StartAsync(Id, S.Attempt, S.Spec!, S.Settings);

    private async Task StopRunAsync()
    {
        S.Attempt++; // reports from the stopped run no longer count
        await GrainFactory.GetGrain<IDecompositionGrain>(0).StopAsync(Id);
    }
}

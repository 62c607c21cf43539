using Hms.Grains.Decomposition;
using Hms.Grains.Journal;
using Hms.Grains.Runs;
using Hms.Grains.Spread;
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
/// proof runs in a decomposition and reports back; every step becomes a numbered event that goes to the
/// journal in coalesced batches, then is shown to followers and published on the theorem's progress stream.
/// </summary>
/// <remarks>
/// What a proof's report waits for: nothing stored. The status is written at submission and at the verdict (and
/// on deactivation); the events of a few milliseconds are appended as one journal write in the background; the
/// catalogue row is written when the status changes. A crash mid-proof loses no verdict: the theorem is stored
/// as unfinished and is proved again after the restart.
/// </remarks>
internal sealed partial class TheoremGrain : Grain, ITheoremGrain
{
    /// <summary>How long events wait to be appended together: short beside a solver call, long beside a report.</summary>
    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(5);

    /// <summary>Waits before a failed journal write is tried again in the background, doubling up to the last.</summary>
    private static readonly TimeSpan FirstAppendRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxAppendRetry = TimeSpan.FromSeconds(5);

    private readonly IPersistentState<TheoremState> state;
    private readonly IPersistentState<TheoremDocumentState> document;
    private readonly ITheoremJournal journal;
    private readonly ITheoremIndex index;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly StateWriter<TheoremState> writer;
    private readonly StateWriter<TheoremDocumentState> documentWriter;
    private readonly TheoremLimits limits;

    public TheoremGrain([PersistentState("theorem", HmsStorage.Theorems)] IPersistentState<TheoremState> state,
        [PersistentState("theorem-document", HmsStorage.Theorems)] IPersistentState<TheoremDocumentState> document,
        ITheoremJournal journal, ITheoremIndex index, TimeProvider clock, ILogger<TheoremGrain> logger, IOptions<TheoremLimits> limits,
        ProofEngine engine, SolverLoadBoard board, IClusterMembershipService membership, IOptions<RunOptions> runOptions)
    {
        this.engine = engine;
        this.board = board;
        this.membership = membership;
        this.runOptions = runOptions.Value;
        this.state = state;
        this.document = document;
        this.journal = journal;
        this.index = index;
        this.clock = clock;
        this.limits = limits.Value;
        this.logger = logger;
        writer = new StateWriter<TheoremState>(state, this, clock, logger);
        documentWriter = new StateWriter<TheoremDocumentState>(document, this, clock, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MigrateLegacyRowAsync(cancellationToken);
        if (Exists)
        {
            // One read from the last event the state counted: events appended after the status was last written
            // (numbering goes on after them), or, for a finished theorem, none at all — its last events were lost.
            var tail = S.LastSequence > S.SequenceFloor
                ? await journal.ReadAsync(Id, S.LastSequence - 1, cancellationToken: cancellationToken)
                : await journal.ReadAsync(Id, S.LastSequence, cancellationToken: cancellationToken);
            if (tail.Count > 0) S.LastSequence = Math.Max(S.LastSequence, tail[^1].Sequence);
            else if (S.IsFinished && S.LastSequence > S.SequenceFloor) await RestoreLostCompletionAsync(cancellationToken);
        }
        published = S.LastSequence; // what the journal holds was written
        cachedFrom = published;
        indexed = Exists ? S.Status : null;
        // A run that is alive elsewhere gets a full lease to be heard from before it counts as lost.
        RenewLease();
        if (Exists && !S.IsFinished) WatchLease();
    }

    /// <summary>
    /// The verdict is stored before its events are appended; if the process ended while the journal was failing,
    /// the last events (the Completed among them) may never have reached it. A follower would then see the log
    /// end without a completion and wait in vain: the journal gets a Completed made from the stored verdict,
    /// numbered after everything the state counted.
    /// </summary>
    private async Task RestoreLostCompletionAsync(CancellationToken cancellationToken)
    {
        var restored = new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.Completed, TheoremStatus = S.Status, ElapsedMs = S.Verdict?.ElapsedMs ?? 0,
            Sequence = S.LastSequence + 1, At = clock.GetUtcNow(),
        };
        await journal.AppendAsync(Id, [restored], cancellationToken);
        S.LastSequence = restored.Sequence;
        await state.WriteStateAsync(cancellationToken);
        logger.LogWarning("Theorem {TheoremId}: its last events were lost with a failing journal; a Completed event was restored from the verdict", Id);
    }

    /// <summary>
    /// A row from before the journal held the document and every event in the state itself: the document moves to
    /// its own state, the events to the journal, then the state is written without them. Each step is idempotent
    /// (the journal keeps an event it already has), so a crash part-way is finished by the next activation.
    /// </summary>
    private async Task MigrateLegacyRowAsync(CancellationToken cancellationToken)
    {
        if (S.LegacySpec is null && S.LegacyEvents is null) return;
        if (S.LegacySpec is { } spec && document.State.Spec is null)
        {
            document.State.Spec = spec;
            await document.WriteStateAsync(cancellationToken);
        }
        if (S.LegacyEvents is { Count: > 0 } events)
        {
            await journal.AppendAsync(Id, events, cancellationToken);
            S.LastSequence = Math.Max(S.LastSequence, events[^1].Sequence);
        }
        S.LastSequence = Math.Max(S.LastSequence, S.SequenceFloor);
        S.LegacySpec = null;
        S.LegacyEvents = null;
        await state.WriteStateAsync(cancellationToken);
        logger.LogInformation("Theorem {TheoremId}: stored row moved to the journal layout", Id);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushEventsNowAsync();
        // While a proof runs its progress is kept in memory only; keep what there is.
        if (Exists && !S.IsFinished) await writer.WriteAsync();
        await writer.FlushOnDeactivationAsync();
        await documentWriter.FlushOnDeactivationAsync();
    }

    private TheoremState S => state.State;
    private bool Exists => document.State.Spec is not null;

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
            await ForgetEventsAsync();
        }
        var now = clock.GetUtcNow();
        S.Settings = settings;
        S.ContentHash = hash;
        S.Status = TheoremStatus.Pending;
        S.Complexity = null;
        S.Obligations = [];
        S.Verdict = null;
        S.CompletedAt = null;
        S.UpdatedAt = now;
        if (S.CreatedAt == default) S.CreatedAt = now;
        S.Attempt++;
        announced = null;
        document.State.Spec = spec;
        // Catalogued first: a crash right after storing the theorem must still find it to resume.
        await CatalogAsync();
        await documentWriter.WriteAsync();
        await writer.WriteAsync();
        Record(new ProgressEvent { TheoremId = id, Kind = ProgressKind.Submitted });
        await StartOrCancelAsync();
        return new SubmitResult(SubmitOutcome.Accepted, id, S.Status, null);
    }

    /// <remarks>
    /// A change that needs a proof goes the way of a replacing submission. Any other keeps the run, the verdict and the
    /// events: only the document, its hash (so resubmitting the new document is Unchanged) and the catalogue row change.
    /// </remarks>
    async Task<SubmitResult> ITheoremGrain.UpdateAsync(TheoremSpec spec, ProveSettings settings)
    {
        var id = this.GetPrimaryKeyString();
        if (!Exists) return new SubmitResult(SubmitOutcome.NotFound, id, TheoremStatus.Error, $"no theorem has id '{id}'");
        var change = spec.Id == id ? TheoremChange.Between(document.State.Spec!, spec) : TheoremChangeKind.Meaning;
        if (TheoremChange.NeedsProof(change, S.Status)) return await ((ITheoremGrain)this).SubmitAsync(spec, settings, replace: true);
        if (change == TheoremChangeKind.None) return new SubmitResult(SubmitOutcome.Unchanged, id, S.Status, null);
        if (limits.CheckSubmission(spec, settings) is { } tooLarge)
            return new SubmitResult(SubmitOutcome.Invalid, id, TheoremStatus.Error, tooLarge);
        document.State.Spec = spec;
        S.ContentHash = spec.ContentHash;
        S.UpdatedAt = clock.GetUtcNow();
        await CatalogAsync();
        await documentWriter.WriteAsync();
        await writer.WriteAsync();
        return new SubmitResult(SubmitOutcome.Kept, id, S.Status, null);
    }

    /// <summary>
    /// The log describes the current document only: the old one's events are dropped. Numbering goes on, so no
    /// follower sees a number twice; reads skip what is below the floor even if the delete did not happen.
    /// </summary>
    private async Task ForgetEventsAsync()
    {
        await FlushEventsNowAsync();
        S.SequenceFloor = S.LastSequence;
        cache.Clear();
        cachedFrom = S.LastSequence;
        try
        {
            await journal.DeleteAsync(Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Theorem {TheoremId}: the replaced document's events stay in the journal (hidden below the floor)", Id);
        }
    }

    Task<TheoremSnapshot?> ITheoremGrain.GetAsync() => Task.FromResult(Exists ? S.ToSnapshot(document.State.Spec!, published) : null);

    Task<TheoremSnapshot?> ITheoremGrain.GetSummaryAsync() => Task.FromResult(Exists ? S.ToSummary(document.State.Spec!, published) : null);

    async Task<bool> ITheoremGrain.DeleteAsync()
    {
        if (!Exists) return false;
        if (!S.IsFinished)
        {
            // Watchers see the proof end before the theorem goes.
            await StopRunAsync();
            await FinishAsync(new TheoremVerdict { Status = TheoremStatus.Cancelled, Error = "deleted" });
        }
        // Pending events first, so none is appended after the journal is emptied; then the index row (a theorem
        // whose state is gone but whose row stayed would be listed as nothing), the events, and the states.
        await FlushEventsNowAsync();
        await index.RemoveAsync(Id);
        await journal.DeleteAsync(Id);
        cache.Clear();
        await document.ClearStateAsync();
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
        return S.ToSnapshot(document.State.Spec!, published);
    }

    async Task<IReadOnlyList<ProgressEvent>> ITheoremGrain.GetEventsAsync(long afterSequence) => await VisibleAfterAsync(afterSequence);

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
        var ended = LogEnded;
        return new ProgressBatch(await VisibleAfterAsync(afterSequence), ended);
    }

    /// <summary>
    /// The visible events above <paramref name="afterSequence"/>: from this activation's memory when it has them
    /// all (the usual case: a follower of a running proof), else from the journal, then memory for the newest.
    /// </summary>
    private async Task<IReadOnlyList<ProgressEvent>> VisibleAfterAsync(long afterSequence)
    {
        var after = Math.Max(afterSequence, S.SequenceFloor);
        var upTo = published;
        if (after >= upTo) return [];
        List<ProgressEvent> events = [];
        if (after < cachedFrom)
        {
            var from = cachedFrom;
            events.AddRange((await journal.ReadAsync(Id, after)).Where(e => e.Sequence <= from));
        }
        events.AddRange(cache.Where(e => e.Sequence > after && e.Sequence <= upTo));
        return events;
    }

    /// <summary>No event will follow the visible ones: no theorem, or a finished one whose last event is visible.</summary>
    private bool LogEnded => !Exists || (S.IsFinished && published == S.LastSequence);

    async Task ITheoremGrain.ResumeAsync()
    {
        if (!Exists)
        {
            // Catalogued, but the theorem was never stored (a crash between the two writes): nothing to list.
            await writer.RunOrDeferAsync(() => index.RemoveAsync(Id));
            return;
        }
        if (S.IsFinished)
        {
            // Finished, but the catalogue may have missed it (a crash between the two writes): repair it.
            await CatalogAsync();
            return;
        }
        // Alive on its silo (this one or another): a silo's start or a sweep must not restart it.
        if (RunIsAlive()) return;
        await RestartRunAsync();
    }

    /// <summary>A new run of the unfinished theorem; its events say nothing twice that the log has already said.</summary>
    private async Task RestartRunAsync()
    {
        await StopRunAsync();
        await LoadAnnouncedAsync();
        S.Status = TheoremStatus.Pending;
        S.Obligations = [];
        await writer.WriteAsync();
        await CatalogAsync();
        await StartOrCancelAsync();
    }

    Task<bool> ITheoremGrain.OnDecomposedAsync(int attempt, IReadOnlyList<ObligationState> obligations,
        Complexity complexity, IReadOnlyList<string> solverVersions)
    {
        if (!Reported(attempt)) return Task.FromResult(false);
        if (decomposedAttempt == attempt) return Task.FromResult(true); // a report retried after a lost reply
        decomposedAttempt = attempt;
        S.Status = TheoremStatus.Running;
        S.Obligations = [.. obligations];
        S.Complexity = complexity;
        S.SolverVersions = [.. solverVersions];
        // The catalogue learns RUNNING with this event's batch: the obligations start without waiting for it.
        // Recorded again by a restarted run: it tells followers the proof runs anew (its obligations' events are not repeated).
        Record(new ProgressEvent { TheoremId = Id, Kind = ProgressKind.Decomposed, ObligationCount = obligations.Count });
        return Task.FromResult(true);
    }

    Task<bool> ITheoremGrain.OnObligationStartedAsync(int attempt, string obligationId, string strategy)
    {
        if (!Reported(attempt)) return Task.FromResult(false);
        var index = S.Obligations.FindIndex(o => o.Id == obligationId);
        if (index >= 0 && S.Obligations[index].Status != ObligationStatus.Pending) return Task.FromResult(true); // a report retried
        if (index >= 0) S.Obligations[index] = S.Obligations[index] with { Status = ObligationStatus.Running, Strategy = strategy };
        if (Announce("started " + obligationId)) Record(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.ObligationStarted, ObligationId = obligationId,
            Description = index >= 0 ? S.Obligations[index].Description : null, Strategy = strategy,
        });
        return Task.FromResult(true);
    }

    Task<bool> ITheoremGrain.OnObligationFinishedAsync(int attempt, ObligationState result)
    {
        if (!Reported(attempt)) return Task.FromResult(false);
        var index = S.Obligations.FindIndex(o => o.Id == result.Id);
        // A report retried after a lost reply: the result is in, once.
        if (index >= 0 && S.Obligations[index].Status is not (ObligationStatus.Pending or ObligationStatus.Running)) return Task.FromResult(true);
        if (index >= 0) S.Obligations[index] = result; else S.Obligations.Add(result);
        if (Announce("finished " + result.Id)) Record(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.ObligationFinished, ObligationId = result.Id, Description = result.Description,
            Strategy = result.Strategy, ObligationStatus = result.Status, ElapsedMs = result.ElapsedMs,
        });
        return Task.FromResult(true);
    }

    Task<bool> ITheoremGrain.OnSearchProgressAsync(int attempt, int generation, double bestFitness)
    {
        if (!Reported(attempt)) return Task.FromResult(false);
        Record(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.SearchProgress, Strategy = "genetic", Generation = generation, BestFitness = bestFitness,
        });
        return Task.FromResult(true);
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

    /// <summary>
    /// The verdict is written before its Completed event becomes visible, so a follower that sees Completed and
    /// then reads the theorem finds the verdict; the catalogue follows.
    /// </summary>
    private async Task FinishAsync(TheoremVerdict verdict)
    {
        S.Status = verdict.Status;
        S.Verdict = verdict;
        S.CompletedAt = clock.GetUtcNow();
        Record(new ProgressEvent
        {
            TheoremId = Id, Kind = ProgressKind.Completed, TheoremStatus = verdict.Status, ElapsedMs = verdict.ElapsedMs,
        });
        await writer.WriteAsync();
        await FlushEventsNowAsync();
        await CatalogAsync();
    }

    // ---- The event log: numbered here, appended in batches, visible once appended. ----

    /// <summary>
    /// Events up to this number are visible to followers: numbered, and their append done (or kept for a retry
    /// while storage fails). An event not yet appended is not shown, so a follower never sees what a crash could take back.
    /// </summary>
    private long published;

    /// <summary>Events made visible by this activation, in order: followers of a running proof read them from here.</summary>
    private readonly List<ProgressEvent> cache = [];

    /// <summary><see cref="cache"/> holds every visible event above this number (those below are in the journal).</summary>
    private long cachedFrom;

    /// <summary>Numbered, not yet appended: the next batch.</summary>
    private List<ProgressEvent> pending = [];

    /// <summary>Appended but not yet published on the progress stream (kept in order while storage fails).</summary>
    private long streamed;

    /// <summary>The batch under way: waits out the coalescing window (or a retry delay), then appends.</summary>
    private Task? flushing;

    /// <summary>Completed to cut the coalescing window short (the verdict, a replacement, a deactivation).</summary>
    private TaskCompletionSource hurry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TimeSpan appendRetry = FirstAppendRetry;
    private bool appendFailing;

    /// <summary>The status the catalogue row has (as far as this activation knows).</summary>
    private TheoremStatus? indexed;

    /// <summary>Completed and replaced by a fresh one each time events become visible: what waiting followers wait on.</summary>
    private TaskCompletionSource appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Numbers the event and queues it for the next append; the caller does not wait for storage.</summary>
    private void Record(ProgressEvent e)
    {
        var now = clock.GetUtcNow();
        S.LastSequence++;
        S.UpdatedAt = now;
        pending.Add(e with { Sequence = S.LastSequence, At = now });
        // The flush is a task of this activation: it runs on the grain's scheduler, between the grain's turns.
        flushing ??= FlushAsync(CoalesceWindow);
    }

    /// <summary>Appends and shows everything numbered so far (one try if storage is failing) before returning.</summary>
    private async Task FlushEventsNowAsync()
    {
        // Pending events include those shown while storage failed (published already counts them): they must
        // reach the journal too, so the test is on what is left to append, not on what is visible. A few tries,
        // each cutting a retry's wait short; what still fails stays pending (and RestoreLostCompletionAsync
        // covers a process that ends meanwhile).
        for (var tries = 0; (flushing is not null || pending.Count > 0) && tries < 3; tries++)
        {
            flushing ??= FlushAsync(TimeSpan.Zero);
            hurry.TrySetResult();
            await flushing;
        }
    }

    private async Task FlushAsync(TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.WhenAny(Task.Delay(delay, clock), hurry.Task);
            hurry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            while (pending.Count > 0)
            {
                var batch = pending;
                pending = [];
                var written = await TryAppendAsync(batch);
                Show(batch);
                if (!written)
                {
                    // Kept, in order, for a later try; followers see the events meanwhile (they are real).
                    pending.InsertRange(0, batch);
                    break;
                }
            }
            if (!appendFailing) await StreamAsync();
            if (indexed != S.Status && !S.IsFinished && Exists) await CatalogAsync();
        }
        finally
        {
            flushing = null;
        }
        if (appendFailing && pending.Count > 0)
        {
            flushing = FlushAsync(appendRetry);
            appendRetry = TimeSpan.FromTicks(Math.Min(appendRetry.Ticks * 2, MaxAppendRetry.Ticks));
        }
    }

    /// <summary>One append, retried twice quickly; false when storage keeps failing (it is retried later, in the background).</summary>
    private async Task<bool> TryAppendAsync(List<ProgressEvent> batch)
    {
        var tries = appendFailing ? 1 : 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await journal.AppendAsync(Id, batch);
                if (appendFailing) logger.LogInformation("Theorem {TheoremId}: the journal is back; its events are written", Id);
                appendFailing = false;
                appendRetry = FirstAppendRetry;
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= tries)
                {
                    if (!appendFailing) logger.LogWarning(e, "Theorem {TheoremId}: the journal write failed; its events are kept in memory and written when storage is back", Id);
                    appendFailing = true;
                    return false;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), clock);
            }
        }
    }

    /// <summary>Makes the batch visible and wakes the followers.</summary>
    private void Show(List<ProgressEvent> batch)
    {
        var last = batch[^1].Sequence;
        if (last <= published) return;
        cache.AddRange(batch.Where(e => e.Sequence > published));
        published = last;
        var waiting = appended;
        appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    /// <summary>Publishes the visible events the stream has not had yet (the stream is for live subscribers; the log is the record).</summary>
    private async Task StreamAsync()
    {
        if (streamed >= published) return;
        try
        {
            var stream = this.GetStreamProvider(ProgressStreams.Provider).GetStream<ProgressEvent>(ProgressStreams.For(Id));
            foreach (var e in cache.Where(e => e.Sequence > streamed).ToList())
            {
                await stream.OnNextAsync(e);
                streamed = e.Sequence;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A live subscriber missing an event is no fault of the proof: the log has it, and the next batch tries again.
            logger.LogWarning(e, "Theorem {TheoremId}: publishing progress on the stream failed", Id);
        }
    }

    /// <summary>Writes the catalogue row with the current status; when that fails, again once storage is back, with the status then.</summary>
    private Task CatalogAsync() => writer.RunOrDeferAsync(async () =>
    {
        var status = S.Status;
        await index.UpsertAsync(new CatalogEntry(Id, document.State.Spec?.Domain, status));
        indexed = status;
    });
}

using Hms.Grains.Messages;
using Hms.Proving.Compiling;
using Orleans.Concurrency;

namespace Hms.Grains;

/// <summary>
/// Owns one theorem (key: its id): the document, the status, the obligations and their results, the
/// progress log. Proofs run elsewhere and report back here; no call waits for a proof.
/// </summary>
[Alias("hms.ITheoremGrain")]
public interface ITheoremGrain : IGrainWithStringKey
{
    [Alias("Submit")]
    Task<SubmitResult> SubmitAsync(TheoremSpec spec, ProveSettings settings, bool replace);

    /// <summary>
    /// Replaces the stored document with <paramref name="spec"/> (an update of some of its fields). A change of meaning,
    /// or of effort while the verdict is not PROVED or DISPROVED (<see cref="TheoremChange"/>), proves it again with
    /// <paramref name="settings"/> (Accepted); any other change is stored and the verdict kept (Kept). NotFound when
    /// no theorem has this id.
    /// </summary>
    [Alias("Update")]
    Task<SubmitResult> UpdateAsync(TheoremSpec spec, ProveSettings settings);

    /// <summary>The theorem, or null when no theorem has this id.</summary>
    [Alias("Get")]
    Task<TheoremSnapshot?> GetAsync();

    /// <summary>The theorem without its document's text and obligations, as a listing shows it; null when unknown.</summary>
    [Alias("GetSummary")]
    Task<TheoremSnapshot?> GetSummaryAsync();

    /// <summary>Cancels a running proof, then removes the theorem and its catalog entry. False when no theorem has this id.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>Stops a running proof; the theorem ends CANCELLED. Null when no theorem has this id.</summary>
    [Alias("Cancel")]
    Task<TheoremSnapshot?> CancelAsync();

    /// <summary>The progress events numbered above <paramref name="afterSequence"/>, in order.</summary>
    [Alias("GetEvents")]
    Task<IReadOnlyList<ProgressEvent>> GetEventsAsync(long afterSequence);

    /// <summary>
    /// The stored events numbered above <paramref name="afterSequence"/>; when there are none yet, waits up to
    /// <paramref name="maxWait"/> for the next. Interleaves with the grain's other calls, so a follower never holds
    /// up the proof it follows. A follower that loops on it tails the theorem's log and cannot miss an event.
    /// </summary>
    [Alias("WaitForEvents"), AlwaysInterleave]
    Task<ProgressBatch> WaitForEventsAsync(long afterSequence, TimeSpan maxWait);

    /// <summary>
    /// Starts the proof again if it was cut off: its run's silo died or stopped, or its lease lapsed. A run
    /// alive on another silo is left alone, so any silo may call it (start-up, a membership change, a reminder).
    /// </summary>
    [Alias("Resume")]
    Task ResumeAsync();

    // Reports from the decomposition that runs the proof. The attempt number lets the grain ignore a stale
    // run; false tells the run to stop (the theorem was cancelled, replaced or already decided).

    [Alias("OnDecomposed")]
    Task<bool> OnDecomposedAsync(int attempt, IReadOnlyList<ObligationState> obligations, Complexity complexity, IReadOnlyList<string> solverVersions);

    [Alias("OnObligationStarted")]
    Task<bool> OnObligationStartedAsync(int attempt, string obligationId, string strategy);

    [Alias("OnObligationFinished")]
    Task<bool> OnObligationFinishedAsync(int attempt, ObligationState result);

    [Alias("OnSearchProgress")]
    Task<bool> OnSearchProgressAsync(int attempt, int generation, double bestFitness);

    /// <summary>The run's heartbeat: renews its lease; false when that run no longer counts (it should stop).</summary>
    [Alias("RenewRun")]
    Task<bool> RenewRunAsync(int attempt);

    /// <summary>The run's silo is stopping and gives the run back: the grain starts it again elsewhere.</summary>
    [Alias("HandBackRun")]
    Task HandBackRunAsync(int attempt);

    [Alias("OnCompleted")]
    Task OnCompletedAsync(int attempt, TheoremVerdict verdict);
}

using Hms.Grains.Messages;
using Hms.Grains.Metrics;
using Hms.Proving.Compiling;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Grains.Decomposition;

/// <summary>Forwards a running proof's progress to its theorem grain, which may answer "stop".</summary>
internal sealed class TheoremReporter(ITheoremGrain theorem, int attempt, IReadOnlyList<string> solverVersions, TimeProvider clock,
    ReportRetry retry, ProofMetrics? metrics = null) : IProofObserver
{
    /// <summary>The reporter is made as the proof starts, so the time to its decomposition is the decomposition stage.</summary>
    private readonly long started = clock.GetTimestamp();

    /// <summary>Search progress is a stream of small steps; one event per interval is plenty for a display.</summary>
    private static readonly TimeSpan SearchEventInterval = TimeSpan.FromMilliseconds(500);

    private long lastSearchEvent = long.MinValue;

    public async ValueTask<bool> OnDecomposedAsync(CompiledTheorem compiled)
    {
        metrics?.Decomposed(clock.GetElapsedTime(started));
        IReadOnlyList<ObligationState> obligations =
            [.. compiled.Obligations.Select(o => new ObligationState { Id = o.Id, Kind = o.Kind, Description = o.Description, ContentHash = o.ContentHash })];
        return await retry.CallAsync(() => theorem.OnDecomposedAsync(attempt, obligations, compiled.Complexity, solverVersions), "the decomposition");
    }

    public async ValueTask<bool> OnObligationStartedAsync(Obligation obligation, string strategy) =>
        await retry.CallAsync(() => theorem.OnObligationStartedAsync(attempt, obligation.Id, strategy), "an obligation's start");

    public async ValueTask<bool> OnObligationFinishedAsync(ObligationResult result)
    {
        metrics?.ObligationCompleted(result.Status);
        return await retry.CallAsync(() => theorem.OnObligationFinishedAsync(attempt, ObligationState.From(result)), "an obligation's result");
    }

    public async ValueTask<bool> OnSearchProgressAsync(Proving.Search.SearchStep step)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref lastSearchEvent);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < SearchEventInterval) return true;
        if (Interlocked.CompareExchange(ref lastSearchEvent, now, last) != last) return true;
        // Progress of a search is worth one try: the next step will say more.
        return await theorem.OnSearchProgressAsync(attempt, step.Generation, step.BestFitness);
    }
}

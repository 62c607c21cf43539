using System.Diagnostics;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Search;
using Hms.Proving.Solvers;

namespace Hms.Proving.Proof;

/// <summary>
/// Proves a whole theorem: compiles it, proves its obligations in parallel on the solver pool (answering
/// from the cache where it can), and combines the verdict. It stops the remaining obligations as soon as
/// one refutes the theorem, or when the observer says stop. With <paramref name="inFlight"/>, a query another
/// theorem is proving at the same moment is not sent to a solver twice.
/// </summary>
public sealed class TheoremProver(IObligationRunner obligations, IProofCache? cache = null, ICounterexampleSearch? search = null,
    InFlightProofs? inFlight = null)
{
    public async Task<TheoremResult> ProveAsync(TheoremDocument document, ProofOptions options,
        IProofObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        CompiledTheorem theorem;
        try
        {
            theorem = TheoremCompiler.Compile(document, cancellationToken);
        }
        catch (TheoremInputException e)
        {
            return new TheoremResult(document.Id, TheoremStatus.Error, null, [], null, [], [], e.Message, clock.Elapsed);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (observer is not null && !await observer.OnDecomposedAsync(theorem)) await stop.CancelAsync();
        var timeout = options.TimeoutFor(document);
        using var searchStop = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var searching = search is not null && document.Format == TheoremFormat.Infix && options.WantsSearch(document)
            ? SearchAsync(search, theorem, timeout, observer, searchStop, stop)
            : Task.FromResult<SearchResult?>(null);
        // One theorem's goals share one fair share of the solvers unless the caller names a wider owner.
        options = options with { Strategy = options.StrategyFor(document), Owner = options.Owner ?? document.Id, Theorem = document.Id };
        var results = await Task.WhenAll(theorem.Obligations.Select(RunAsync));
        // Every goal proved: there is nothing left for the search to find.
        if (results.All(r => r.Kind == ObligationKind.Consistency || r.Status == ObligationStatus.Proved))
            await searchStop.CancelAsync();
        var found = await searching;
        return VerdictCombiner.Combine(theorem, results, clock.Elapsed, found);

        async Task<ObligationResult> RunAsync(Obligation obligation)
        {
            await Task.Yield();
            ObligationResult? result;
            try
            {
                stop.Token.ThrowIfCancellationRequested();
                result = cache is null ? null : await cache.TryGetAsync(obligation, stop.Token);
                if (result is null)
                {
                    if (observer is not null && !await observer.OnObligationStartedAsync(obligation, options.Strategy!.Value.ToName()))
                        await stop.CancelAsync();
                    result = inFlight is null
                        ? await ProveAndStoreAsync(obligation, stop.Token)
                        : await inFlight.ProveAsync(obligation, token => ProveAndStoreAsync(obligation, token), stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                var cancelled = cancellationToken.IsCancellationRequested;
                result = new ObligationResult(obligation.Id, obligation.Kind, obligation.Description,
                    cancelled ? ObligationStatus.Cancelled : ObligationStatus.Unknown, null, TimeSpan.Zero, null, [],
                    cancelled ? "cancelled" : "not needed: the proof stopped early", obligation.ContentHash);
            }
            if (result.Status == ObligationStatus.Disproved && obligation.Kind != ObligationKind.Consistency)
                await stop.CancelAsync();
            if (observer is not null && !await observer.OnObligationFinishedAsync(result))
                await stop.CancelAsync();
            return result;
        }

        // Stored before the answer is shared, so that a theorem arriving once the in-flight proof has ended finds it cached.
        async Task<ObligationResult> ProveAndStoreAsync(Obligation obligation, CancellationToken token)
        {
            var result = await obligations.ProveAsync(obligation, options, timeout, token);
            if (cache is not null && result.Status is ObligationStatus.Proved or ObligationStatus.Disproved)
                await cache.StoreAsync(obligation, result, token);
            return result;
        }
    }

    /// <summary>
    /// Runs the search beside the obligations; a validated counterexample decides the theorem, so it stops them.
    /// A search that fails is no verdict: the solvers still decide.
    /// </summary>
    private static async Task<SearchResult?> SearchAsync(ICounterexampleSearch search, CompiledTheorem theorem, TimeSpan timeLimit,
        IProofObserver? observer, CancellationTokenSource searchStop, CancellationTokenSource stop)
    {
        var progress = observer is null ? null : new Progress<SearchStep>(step => _ = observer.OnSearchProgressAsync(step).AsTask());
        try
        {
            var result = await Task.Run(() => search.SearchAsync(theorem, timeLimit, progress, searchStop.Token), searchStop.Token);
            if (result.Status == SearchStatus.Validated) await stop.CancelAsync();
            return result;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e)
        {
            return new SearchResult(SearchStatus.Failed, null, e.Message, TimeSpan.Zero);
        }
    }
}

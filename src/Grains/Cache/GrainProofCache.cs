using Hms.Grains.Messages;
using Hms.Grains.Metrics;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Microsoft.Extensions.Logging;

namespace Hms.Grains.Cache;

/// <summary>
/// The core's proof cache backed by proof cache grains, one per obligation hash and solver versions (a newer
/// solver may decide differently, so its answers are kept apart).
/// </summary>
/// <remarks>
/// The cache only saves work, so a fault of it (its storage is down) is a miss, never a failed proof.
/// </remarks>
internal sealed class GrainProofCache(IGrainFactory grains, string solverVersions, ILogger logger, ProofMetrics? metrics = null) : IProofCache
{
    public async ValueTask<ObligationResult?> TryGetAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        CachedProof? cached;
        try
        {
            cached = await Grain(obligation).GetAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The proof cache could not be read; obligation {Obligation} is proved afresh", obligation.Id);
            metrics?.CacheLookedUp(hit: false);
            return null;
        }
        metrics?.CacheLookedUp(hit: cached is not null);
        return cached is null ? null
            : ObligationProver.FromCache(obligation, cached.Status, CachedModel.ToModel(cached.Model), cached.UnsatCore);
    }

    public async ValueTask StoreAsync(Obligation obligation, ObligationResult result, CancellationToken cancellationToken)
    {
        // A refutation that only a solver confirmed cannot be re-checked on the way out of the cache.
        if (result.Status == ObligationStatus.Disproved && obligation.Kind != ObligationKind.Consistency
            && result.Counterexample is not { Validated: true })
            return;
        try
        {
            await Grain(obligation).SetAsync(new CachedProof(result.Status, result.Strategy ?? "", CachedModel.From(result.Model),
                [.. result.UnsatCore], result.Reason));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The proof cache could not keep the result of obligation {Obligation}", obligation.Id);
        }
    }

    private IProofCacheGrain Grain(Obligation obligation) =>
        grains.GetGrain<IProofCacheGrain>($"{obligation.ContentHash}/{solverVersions}");
}

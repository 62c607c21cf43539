using Hms.Grains.Messages;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Grains.Cache;

/// <summary>
/// The core's proof cache backed by proof cache grains, one per obligation hash and solver versions (a newer
/// solver may decide differently, so its answers are kept apart).
/// </summary>
internal sealed class GrainProofCache(IGrainFactory grains, string solverVersions) : IProofCache
{
    public async ValueTask<ObligationResult?> TryGetAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        var cached = await Grain(obligation).GetAsync();
        return cached is null ? null
            : ObligationProver.FromCache(obligation, cached.Status, CachedModel.ToModel(cached.Model), cached.UnsatCore);
    }

    public async ValueTask StoreAsync(Obligation obligation, ObligationResult result, CancellationToken cancellationToken)
    {
        // A refutation that only a solver confirmed cannot be re-checked on the way out of the cache.
        if (result.Status == ObligationStatus.Disproved && obligation.Kind != ObligationKind.Consistency
            && result.Counterexample is not { Validated: true })
            return;
        await Grain(obligation).SetAsync(new CachedProof(result.Status, result.Strategy ?? "", CachedModel.From(result.Model),
            [.. result.UnsatCore], result.Reason));
    }

    private IProofCacheGrain Grain(Obligation obligation) =>
        grains.GetGrain<IProofCacheGrain>($"{obligation.ContentHash}/{solverVersions}");
}

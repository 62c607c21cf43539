using Hms.Grains.Messages;

namespace Hms.Grains.Cache;

/// <summary>One decided obligation, shared across theorems. The first decision is kept.</summary>
internal sealed class ProofCacheGrain(
    [PersistentState("proof", HmsStorage.Theorems)] IPersistentState<ProofCacheState> state)
    : Grain, IProofCacheGrain
{
    Task<CachedProof?> IProofCacheGrain.GetAsync() => Task.FromResult(state.State.Proof);

    async Task IProofCacheGrain.SetAsync(CachedProof proof)
    {
        if (state.State.Proof is not null) return;
        state.State.Proof = proof;
        await state.WriteStateAsync();
    }
}

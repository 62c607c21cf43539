using Hms.Grains.Messages;
using Hms.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Hms.Grains.Cache;

/// <summary>One decided obligation, shared across theorems. The first decision is kept.</summary>
internal sealed class ProofCacheGrain : Grain, IProofCacheGrain
{
    private readonly IPersistentState<ProofCacheState> state;
    private readonly StateWriter<ProofCacheState> writer;

    public ProofCacheGrain([PersistentState("proof", HmsStorage.Theorems)] IPersistentState<ProofCacheState> state,
        TimeProvider clock, ILogger<ProofCacheGrain> logger)
    {
        this.state = state;
        writer = new StateWriter<ProofCacheState>(state, this, clock, logger);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        writer.FlushOnDeactivationAsync();

    Task<CachedProof?> IProofCacheGrain.GetAsync() => Task.FromResult(state.State.Proof);

    async Task IProofCacheGrain.SetAsync(CachedProof proof)
    {
        if (state.State.Proof is not null) return;
        state.State.Proof = proof;
        await writer.WriteAsync();
    }
}

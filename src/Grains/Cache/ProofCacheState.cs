using Hms.Grains.Messages;

namespace Hms.Grains.Cache;

[GenerateSerializer, Alias("hms.ProofCacheState")]
public sealed class ProofCacheState
{
    [Id(0)] public CachedProof? Proof { get; set; }
}

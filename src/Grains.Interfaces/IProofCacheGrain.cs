using Hms.Grains.Messages;

namespace Hms.Grains;

/// <summary>
/// One decided obligation, keyed by "{content hash}/{solver versions}", shared by every theorem that
/// contains the same obligation.
/// </summary>
[Alias("hms.IProofCacheGrain")]
public interface IProofCacheGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<CachedProof?> GetAsync();

    [Alias("Set")]
    Task SetAsync(CachedProof proof);
}

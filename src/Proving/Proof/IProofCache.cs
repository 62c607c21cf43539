using Hms.Proving.Obligations;

namespace Hms.Proving.Proof;

/// <summary>
/// Remembers decided obligations by content hash, so the same query in another theorem needs no solver.
/// Build cached results with <see cref="ObligationProver.FromCache"/>, which re-checks refutations.
/// </summary>
public interface IProofCache
{
    ValueTask<ObligationResult?> TryGetAsync(Obligation obligation, CancellationToken cancellationToken);

    ValueTask StoreAsync(Obligation obligation, ObligationResult result, CancellationToken cancellationToken);
}

using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains;

/// <summary>
/// One page of theorems for any front door (gRPC, MCP): the index filters and pages, each theorem is then read
/// from its own grain. The index row can lag the theorem (its write is retried while storage recovers), so the
/// theorem's own status decides: a page never shows a theorem under a status filter it no longer matches, nor
/// one deleted since the index listed it.
/// </summary>
public static class TheoremListing
{
    public static async Task<(IReadOnlyList<TheoremSnapshot> Theorems, string? NextAfter)> PageAsync(
        IGrainFactory grains, ITheoremIndex index, int pageSize, string? after, string? domain, TheoremStatus? status,
        bool summaries, CancellationToken cancellationToken = default)
    {
        var page = await index.ListAsync(pageSize, after, domain, status, cancellationToken);
        var snapshots = await Task.WhenAll(page.TheoremIds.Select(id => summaries
            ? grains.GetGrain<ITheoremGrain>(id).GetSummaryAsync()
            : grains.GetGrain<ITheoremGrain>(id).GetAsync()));
        return ([.. snapshots.OfType<TheoremSnapshot>().Where(s => status is null || s.Status == status)], page.NextAfter);
    }
}

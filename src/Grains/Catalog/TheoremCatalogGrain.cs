using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Catalog;

/// <summary>
/// The list of theorems. Pages follow id order and resume after the last id seen, so they stay stable while
/// theorems are added or change status.
/// </summary>
internal sealed class TheoremCatalogGrain(
    [PersistentState("catalog", HmsStorage.Theorems)] IPersistentState<CatalogState> state)
    : Grain, ITheoremCatalogGrain
{
    async Task ITheoremCatalogGrain.UpsertAsync(CatalogEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.TheoremId, out var known) && known == entry) return;
        state.State.Entries[entry.TheoremId] = entry;
        await state.WriteStateAsync();
    }

    Task<CatalogPage> ITheoremCatalogGrain.ListAsync(int pageSize, string? after, string? domain, TheoremStatus? status)
    {
        pageSize = Math.Max(1, pageSize);
        var matching = state.State.Entries.Values
            .Where(e => after is null || string.CompareOrdinal(e.TheoremId, after) > 0)
            .Where(e => string.IsNullOrEmpty(domain) || e.Domain == domain)
            .Where(e => status is null || e.Status == status)
            .Take(pageSize + 1)
            .ToList();
        var page = matching.Take(pageSize).Select(e => e.TheoremId).ToList();
        var next = matching.Count > pageSize ? page[^1] : null;
        return Task.FromResult(new CatalogPage(page, next));
    }

    Task<IReadOnlyList<string>> ITheoremCatalogGrain.UnfinishedAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Entries.Values
            .Where(e => e.Status is TheoremStatus.Pending or TheoremStatus.Running)
            .Select(e => e.TheoremId)]);
}

using Hms.Grains.Messages;
using Hms.Grains.Storage;
using Microsoft.Extensions.Logging;
using Hms.Proving.Proof;

namespace Hms.Grains.Catalog;

/// <summary>
/// The list of theorems. Pages follow id order and resume after the last id seen, so they stay stable while
/// theorems are added or change status.
/// </summary>
internal sealed class TheoremCatalogGrain : Grain, ITheoremCatalogGrain
{
    private readonly IPersistentState<CatalogState> state;
    private readonly StateWriter<CatalogState> writer;

    public TheoremCatalogGrain([PersistentState("catalog", HmsStorage.Theorems)] IPersistentState<CatalogState> state,
        TimeProvider clock, ILogger<TheoremCatalogGrain> logger)
    {
        this.state = state;
        writer = new StateWriter<CatalogState>(state, this, clock, logger);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        writer.FlushOnDeactivationAsync();

    async Task ITheoremCatalogGrain.UpsertAsync(CatalogEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.TheoremId, out var known) && known == entry) return;
        state.State.Entries[entry.TheoremId] = entry;
        // The list answers from memory, so it agrees with the theorems while storage catches up.
        await writer.WriteAsync();
    }

    async Task ITheoremCatalogGrain.RemoveAsync(string theoremId)
    {
        if (!state.State.Entries.Remove(theoremId)) return;
        await writer.WriteAsync();
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

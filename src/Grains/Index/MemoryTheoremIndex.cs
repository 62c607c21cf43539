using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Index;

/// <summary>The catalogue in this process's memory: for tests and the embedded `hms prove` (gone with the process).</summary>
public sealed class MemoryTheoremIndex : ITheoremIndex
{
    private readonly SortedDictionary<string, CatalogEntry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public Task UpsertAsync(CatalogEntry entry, CancellationToken cancellationToken = default)
    {
        lock (gate) entries[entry.TheoremId] = entry;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string theoremId, CancellationToken cancellationToken = default)
    {
        lock (gate) entries.Remove(theoremId);
        return Task.CompletedTask;
    }

    public Task<CatalogPage> ListAsync(int pageSize, string? after, string? domain, TheoremStatus? status,
        CancellationToken cancellationToken = default)
    {
        pageSize = Math.Max(1, pageSize);
        List<string> matching;
        lock (gate)
        {
            matching = [.. Matching(domain, status)
                .Where(e => after is null || string.CompareOrdinal(e.TheoremId, after) > 0)
                .Take(pageSize + 1)
                .Select(e => e.TheoremId)];
        }
        var page = matching.Take(pageSize).ToList();
        return Task.FromResult(new CatalogPage(page, matching.Count > pageSize ? page[^1] : null));
    }

    public Task<long> CountAsync(string? domain, TheoremStatus? status, CancellationToken cancellationToken = default)
    {
        lock (gate) return Task.FromResult((long)Matching(domain, status).Count());
    }

    private IEnumerable<CatalogEntry> Matching(string? domain, TheoremStatus? status) => entries.Values
        .Where(e => string.IsNullOrEmpty(domain) || e.Domain == domain)
        .Where(e => status is null || e.Status == status);
}

using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains;

/// <summary>
/// The index of all theorems (one grain, key 0): stable paging in id order, filters, and the list of
/// unfinished theorems to pick up after a restart.
/// </summary>
[Alias("hms.ITheoremCatalogGrain")]
public interface ITheoremCatalogGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task UpsertAsync(CatalogEntry entry);

    /// <summary>Forgets a deleted theorem.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string theoremId);

    /// <summary>Up to <paramref name="pageSize"/> ids after <paramref name="after"/> (null: from the start).</summary>
    [Alias("List")]
    Task<CatalogPage> ListAsync(int pageSize, string? after, string? domain, TheoremStatus? status);

    [Alias("Unfinished")]
    Task<IReadOnlyList<string>> UnfinishedAsync();
}

using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains;

/// <summary>
/// The catalogue of theorems as a table, not a grain: one summary row per theorem (id, domain, status), paged in
/// id order after the last id seen (keyset paging), so a page stays stable while theorems are added or change
/// status, and a write touches one row whatever the size of the catalogue. PostgreSQL or memory, like the grain
/// state. Each theorem grain writes its own row; listing and start-up recovery read it.
/// </summary>
public interface ITheoremIndex
{
    /// <summary>Creates or replaces the row of <see cref="CatalogEntry.TheoremId"/>.</summary>
    Task UpsertAsync(CatalogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Drops a theorem's row (a theorem deleted); nothing when there is none.</summary>
    Task RemoveAsync(string theoremId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="pageSize"/> ids after <paramref name="after"/> (null: from the start) in ordinal id
    /// order, of the theorems in <paramref name="domain"/> (null or empty: any) with <paramref name="status"/> (null: any).
    /// </summary>
    Task<CatalogPage> ListAsync(int pageSize, string? after, string? domain, TheoremStatus? status,
        CancellationToken cancellationToken = default);

    /// <summary>How many theorems match the filter (same meaning as in <see cref="ListAsync"/>).</summary>
    Task<long> CountAsync(string? domain, TheoremStatus? status, CancellationToken cancellationToken = default);
}

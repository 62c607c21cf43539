using Hms.Grains.Messages;

namespace Hms.Grains.Journal;

/// <summary>
/// The append-only log of theorems' progress events, one row per event, keyed by (theorem id, sequence). An event
/// is written once and never rewritten, so the bytes a theorem writes grow with its events, not with their square.
/// PostgreSQL or memory, chosen with the grain storage (`--storage`).
/// </summary>
public interface ITheoremJournal
{
    /// <summary>
    /// Appends events of one theorem, in one write. Idempotent per sequence number: appending an event already
    /// stored (a retry after a lost answer) keeps the stored one, so a retry never duplicates or fails.
    /// </summary>
    Task AppendAsync(string theoremId, IReadOnlyList<ProgressEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The stored events numbered above <paramref name="afterSequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ProgressEvent>> ReadAsync(string theoremId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>Drops every event of a theorem (replaced by a new document, or deleted).</summary>
    Task DeleteAsync(string theoremId, CancellationToken cancellationToken = default);
}

using Hms.Grains.Journal;
using Hms.Grains.Messages;

namespace Hms.Grains.Metrics;

/// <summary>Times every journal operation (the storage stage) around the journal the silo chose, PostgreSQL or memory.</summary>
internal sealed class MeasuredTheoremJournal(ITheoremJournal inner, ProofMetrics metrics, TimeProvider clock) : ITheoremJournal
{
    public async Task AppendAsync(string theoremId, IReadOnlyList<ProgressEvent> events, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        await inner.AppendAsync(theoremId, events, cancellationToken);
        metrics.JournalOperation("append", clock.GetElapsedTime(started));
    }

    public async Task<IReadOnlyList<ProgressEvent>> ReadAsync(string theoremId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var events = await inner.ReadAsync(theoremId, afterSequence, limit, cancellationToken);
        metrics.JournalOperation("read", clock.GetElapsedTime(started));
        return events;
    }

    public async Task DeleteAsync(string theoremId, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        await inner.DeleteAsync(theoremId, cancellationToken);
        metrics.JournalOperation("delete", clock.GetElapsedTime(started));
    }
}

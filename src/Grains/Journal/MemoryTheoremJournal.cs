using System.Collections.Concurrent;
using Hms.Grains.Messages;

namespace Hms.Grains.Journal;

/// <summary>The journal in this process's memory: for tests and the embedded `hms prove` (gone with the process).</summary>
public sealed class MemoryTheoremJournal : ITheoremJournal
{
    private readonly ConcurrentDictionary<string, SortedList<long, ProgressEvent>> logs = new(StringComparer.Ordinal);

    public Task AppendAsync(string theoremId, IReadOnlyList<ProgressEvent> events, CancellationToken cancellationToken = default)
    {
        var log = logs.GetOrAdd(theoremId, _ => []);
        lock (log)
        {
            foreach (var e in events) log.TryAdd(e.Sequence, e);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProgressEvent>> ReadAsync(string theoremId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        if (!logs.TryGetValue(theoremId, out var log)) return Task.FromResult<IReadOnlyList<ProgressEvent>>([]);
        lock (log)
        {
            return Task.FromResult<IReadOnlyList<ProgressEvent>>([.. log.Values.Where(e => e.Sequence > afterSequence).Take(limit)]);
        }
    }

    public Task DeleteAsync(string theoremId, CancellationToken cancellationToken = default)
    {
        logs.TryRemove(theoremId, out _);
        return Task.CompletedTask;
    }
}

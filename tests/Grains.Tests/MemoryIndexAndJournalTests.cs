using Hms.Grains.Index;
using Hms.Grains.Journal;
using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Tests;

/// <summary>The memory journal and index mean what the PostgreSQL ones do (tests/Storage.Tests): same cases, same answers.</summary>
public sealed class MemoryIndexAndJournalTests
{
    private static ProgressEvent Event(string id, long sequence) =>
        new() { TheoremId = id, Sequence = sequence, Kind = ProgressKind.ObligationStarted, ObligationId = $"o{sequence}" };

    [Fact]
    public async Task The_journal_keeps_the_first_copy_of_an_event_and_reads_after_a_sequence()
    {
        var journal = new MemoryTheoremJournal();
        await journal.AppendAsync("t1", [Event("t1", 1), Event("t1", 2), Event("t1", 3)]);
        await journal.AppendAsync("t1", [Event("t1", 3) with { ObligationId = "retry" }, Event("t1", 4)]);
        Assert.Equal([1L, 2, 3, 4], (await journal.ReadAsync("t1", 0)).Select(e => e.Sequence));
        Assert.Equal("o3", (await journal.ReadAsync("t1", 2))[0].ObligationId);
        Assert.Equal([3L], (await journal.ReadAsync("t1", 2, limit: 1)).Select(e => e.Sequence));
        await journal.DeleteAsync("t1");
        Assert.Empty(await journal.ReadAsync("t1", 0));
    }

    [Fact]
    public async Task The_index_pages_by_domain_and_status_in_ordinal_id_order()
    {
        var index = new MemoryTheoremIndex();
        string[] ids = ["a-1", "a.2", "A3", "a_4", "a5", "b1", "B2", "c-3"];
        for (var i = 0; i < ids.Length; i++)
            await index.UpsertAsync(new CatalogEntry(ids[i], i % 2 == 0 ? "econ" : "micro", i % 3 == 0 ? TheoremStatus.Proved : TheoremStatus.Running));
        await index.UpsertAsync(new CatalogEntry("a5", "econ", TheoremStatus.Disproved));

        Assert.Equal(ids.Order(StringComparer.Ordinal), await AllAsync(index, 3, null, null));
        Assert.Equal(["B2", "a-1"], await AllAsync(index, 1, "econ", TheoremStatus.Proved));
        Assert.Equal(["a5"], await AllAsync(index, 10, null, TheoremStatus.Disproved));
        Assert.Equal(2, await index.CountAsync("econ", TheoremStatus.Proved));
        await index.RemoveAsync("a5");
        Assert.Equal(7, await index.CountAsync(null, null));
    }

    private static async Task<List<string>> AllAsync(ITheoremIndex index, int pageSize, string? domain, TheoremStatus? status)
    {
        List<string> ids = [];
        string? after = null;
        do
        {
            var page = await index.ListAsync(pageSize, after, domain, status);
            ids.AddRange(page.TheoremIds);
            after = page.NextAfter;
        } while (after is not null);
        return ids;
    }
}

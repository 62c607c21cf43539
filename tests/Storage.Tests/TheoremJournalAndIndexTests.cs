using Hms.Grains.Messages;
using Hms.Proving.Proof;
using Hms.Silo.Storage;
using Npgsql;
using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Hms.Storage.Tests;

/// <summary>The PostgreSQL journal and catalogue index on their own: appends, reads, paging, counts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TheoremJournalAndIndexTests(PostgresFixture pg)
{
    private static string NewServiceId() => $"journal-tests-{Guid.NewGuid():N}";

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(ProgressEvent).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    private static ProgressEvent Event(string id, long sequence, ProgressKind kind = ProgressKind.ObligationStarted) =>
        new() { TheoremId = id, Sequence = sequence, Kind = kind, At = DateTimeOffset.UnixEpoch.AddSeconds(sequence), ObligationId = $"o{sequence}" };

    [Fact]
    public async Task The_journal_appends_batches_once_reads_after_a_sequence_and_deletes_per_theorem()
    {
        await using var database = NpgsqlDataSource.Create(pg.ConnectionString);
        var journal = new PostgresTheoremJournal(database, NewServiceId(), Serializer);

        await journal.AppendAsync("t1", [Event("t1", 1, ProgressKind.Submitted), Event("t1", 2), Event("t1", 3)]);
        // A retried append (its answer lost) overlaps what is stored: the stored events stay, the new one is added.
        await journal.AppendAsync("t1", [Event("t1", 3) with { ObligationId = "retry" }, Event("t1", 4, ProgressKind.Completed)]);
        await journal.AppendAsync("t2", [Event("t2", 1)]);

        var all = await journal.ReadAsync("t1", 0);
        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Sequence));
        Assert.Equal("o3", all[2].ObligationId);
        Assert.Equal(Event("t1", 2), all[1]);
        Assert.Equal([3L, 4], (await journal.ReadAsync("t1", 2)).Select(e => e.Sequence));
        Assert.Equal([3L], (await journal.ReadAsync("t1", 2, limit: 1)).Select(e => e.Sequence));

        await journal.DeleteAsync("t1");
        Assert.Empty(await journal.ReadAsync("t1", 0));
        Assert.Single(await journal.ReadAsync("t2", 0));
    }

    [Fact]
    public async Task The_index_pages_by_domain_and_status_in_ordinal_id_order()
    {
        await using var database = NpgsqlDataSource.Create(pg.ConnectionString);
        var index = new PostgresTheoremIndex(database, NewServiceId());
        // Mixed case and punctuation: byte order, the frontend's ordinal order ('-' < '0' < 'A' < '_' < 'a').
        string[] ids = ["a-1", "a.2", "A3", "a_4", "a5", "b1", "B2", "c-3"];
        for (var i = 0; i < ids.Length; i++)
            await index.UpsertAsync(new CatalogEntry(ids[i], i % 2 == 0 ? "econ" : "micro", i % 3 == 0 ? TheoremStatus.Proved : TheoremStatus.Running));
        // An upsert replaces the row: a theorem has one status, one domain.
        await index.UpsertAsync(new CatalogEntry("a5", "econ", TheoremStatus.Disproved));

        var ordinal = ids.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ordinal, await AllAsync(index, 3, null, null));
        Assert.Equal(ordinal.Where(id => Array.IndexOf(ids, id) % 2 == 0 || id == "a5"), await AllAsync(index, 2, "econ", null));
        Assert.Equal(["B2", "a-1"], await AllAsync(index, 1, "econ", TheoremStatus.Proved));
        Assert.Equal(["a5"], await AllAsync(index, 10, null, TheoremStatus.Disproved));
        Assert.Equal(8, await index.CountAsync(null, null));
        Assert.Equal(2, await index.CountAsync("econ", TheoremStatus.Proved));
        Assert.Equal(0, await index.CountAsync("none", null));

        // Keyset paging is stable while rows change: a page resumes after the last id seen.
        var first = await index.ListAsync(2, null, null, null);
        await index.UpsertAsync(new CatalogEntry("0-new", null, TheoremStatus.Pending));
        await index.RemoveAsync(ordinal[2]);
        var second = await index.ListAsync(2, first.NextAfter, null, null);
        Assert.Equal(ordinal.Skip(3).Take(2), second.TheoremIds);
        Assert.Equal(["0-new"], await AllAsync(index, 5, "", TheoremStatus.Pending));
    }

    private static async Task<List<string>> AllAsync(Hms.Grains.ITheoremIndex index, int pageSize, string? domain, TheoremStatus? status)
    {
        List<string> ids = [];
        string? after = null;
        do
        {
            var page = await index.ListAsync(pageSize, after, domain, status);
            Assert.True(page.TheoremIds.Count <= pageSize);
            ids.AddRange(page.TheoremIds);
            after = page.NextAfter;
        } while (after is not null);
        return ids;
    }
}

using Hms.Grains;
using Hms.Grains.Messages;
using Hms.Grains.Theorems;
using Hms.Proving.Proof;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Xunit.Abstractions;

namespace Hms.Storage.Tests;

/// <summary>
/// The service's theorems on real PostgreSQL: what a theorem writes (counted by a trigger on every table row write),
/// recovery after a restart, and rows stored before the journal and the index existed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TheoremStorageTests(PostgresFixture pg, ITestOutputHelper output)
{
    private static string NewServiceId(string name) => $"{name}-{Guid.NewGuid():N}";

    private static TheoremSpec Spec(string id, string statement, params string[] assumptions) =>
        new() { Id = id, Statement = statement, Assumptions = assumptions };

    /// <summary>Fermat for cubes over the integers: neither solver decides it, so it runs until cancelled.</summary>
    private static TheoremSpec Endless(string id) => new()
    {
        Id = id,
        Statement = "x^3 + y^3 != z^3",
        Assumptions = ["x > 0", "y > 0", "z > 0"],
        Variables = [new("x", Proving.Sort.Int), new("y", Proving.Sort.Int), new("z", Proving.Sort.Int)],
    };

    /// <summary>
    /// A row-level trigger on the grain state, journal and index tables logs every insert and update with its size
    /// (pg_column_size of the new row): the bytes the service made PostgreSQL write, table by table.
    /// </summary>
    private async Task InstallWriteLogAsync()
    {
        await using var connection = await pg.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT pg_advisory_lock(hashtext('hms.tests.writelog'));
            CREATE TABLE IF NOT EXISTS TestWriteLog
            (Id bigserial PRIMARY KEY, TableName text, Op text, ServiceId text, RowKey text, Bytes integer);
            CREATE OR REPLACE FUNCTION TestLogWrite() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE r jsonb := to_jsonb(NEW);
            BEGIN
                INSERT INTO TestWriteLog (TableName, Op, ServiceId, RowKey, Bytes)
                VALUES (TG_TABLE_NAME, TG_OP, r->>'serviceid',
                        coalesce(r->>'theoremid', (r->>'graintypestring') || '/' || coalesce(r->>'grainidextensionstring', '')),
                        pg_column_size(NEW.*));
                RETURN NEW;
            END $fn$;
            DROP TRIGGER IF EXISTS TestLogGrainState ON HmsGrainState;
            CREATE TRIGGER TestLogGrainState AFTER INSERT OR UPDATE ON HmsGrainState FOR EACH ROW EXECUTE FUNCTION TestLogWrite();
            DROP TRIGGER IF EXISTS TestLogEvent ON HmsTheoremEvent;
            CREATE TRIGGER TestLogEvent AFTER INSERT OR UPDATE ON HmsTheoremEvent FOR EACH ROW EXECUTE FUNCTION TestLogWrite();
            DROP TRIGGER IF EXISTS TestLogIndex ON HmsTheoremIndex;
            CREATE TRIGGER TestLogIndex AFTER INSERT OR UPDATE ON HmsTheoremIndex FOR EACH ROW EXECUTE FUNCTION TestLogWrite();
            SELECT pg_advisory_unlock(hashtext('hms.tests.writelog'));
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Write(string TableName, string Op, string RowKey, int Bytes);

    private async Task<long> LogMarkAsync()
    {
        await using var connection = await pg.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(Id), 0) FROM TestWriteLog", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<Write>> WritesSinceAsync(long mark, string serviceId)
    {
        await using var connection = await pg.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT TableName, Op, RowKey, Bytes FROM TestWriteLog WHERE Id > $1 AND ServiceId = $2 ORDER BY Id", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = mark });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        await using var reader = await command.ExecuteReaderAsync();
        List<Write> writes = [];
        while (await reader.ReadAsync()) writes.Add(new Write(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        return writes;
    }

    /// <summary>Fills the catalogue table up to <paramref name="size"/> rows of other (finished) theorems.</summary>
    private async Task FillCatalogueAsync(string serviceId, int size)
    {
        await using var connection = await pg.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO HmsTheoremIndex (ServiceId, TheoremId, Domain, Status)
            SELECT $1, 'filler-' || lpad(n::text, 6, '0'), 'filler', 2 FROM generate_series(1, $2) AS n
            ON CONFLICT DO NOTHING
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = size });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Submits and proves one theorem; returns every row write the service made for it, start to verdict.</summary>
    private async Task<(List<Write> Writes, List<ProgressEvent> Events)> ProveCountingAsync(Orleans.TestingHost.TestCluster cluster,
        string serviceId, TheoremSpec spec)
    {
        var mark = await LogMarkAsync();
        var grain = cluster.Client.GetGrain<ITheoremGrain>(spec.Id);
        Assert.Equal(SubmitOutcome.Accepted, (await grain.SubmitAsync(spec, new(), false)).Outcome);
        var events = await HmsClusters.FollowAsync(cluster, spec.Id);
        // Behind the verdict's turn (the grain takes one call at a time): its catalogue write is done too.
        Assert.Equal(TheoremStatus.Proved, (await grain.GetAsync())!.Status);
        return (await WritesSinceAsync(mark, serviceId), events);
    }

    [Fact]
    public async Task The_bytes_a_theorem_writes_do_not_grow_with_the_catalogue_and_each_event_is_written_once()
    {
        await InstallWriteLogAsync();
        var serviceId = NewServiceId("bytes");
        var cluster = await HmsClusters.StartAsync(pg, serviceId);
        try
        {
            // A warm-up theorem, so both measured ones find the solvers' versions known and nothing else first-time.
            await ProveCountingAsync(cluster, serviceId, Spec("warm-up-0000", "x * x + 100 >= 100"));
            Dictionary<int, (List<Write> Writes, List<ProgressEvent> Events)> measured = [];
            foreach (var (size, k) in new[] { (10, 101), (1000, 102) })
            {
                await FillCatalogueAsync(serviceId, size);
                Assert.Equal(size, await HmsClusters.Index(cluster).CountAsync("filler", null));
                measured[size] = await ProveCountingAsync(cluster, serviceId, Spec($"measured-{size:0000}", $"x * x + {k} >= {k}"));
            }

            var small = measured[10].Writes.Sum(w => w.Bytes);
            var large = measured[1000].Writes.Sum(w => w.Bytes);
            foreach (var (size, (writes, _)) in measured)
                output.WriteLine($"catalogue {size}: {writes.Count} row writes, {writes.Sum(w => w.Bytes)} bytes: " + string.Join(", ",
                    writes.GroupBy(w => $"{w.TableName} {w.Op}").Select(g => $"{g.Key} x{g.Count()} = {g.Sum(w => w.Bytes)} B")));
            // The same writes, of the same sizes give or take a varint: nothing proportional to the 1000 other theorems.
            // Per table in order; how the tables' writes interleave depends on the 5 ms coalescing window, not on size.
            foreach (var table in measured[10].Writes.Concat(measured[1000].Writes).Select(w => w.TableName).Distinct())
                Assert.Equal(measured[10].Writes.Where(w => w.TableName == table).Select(w => w.Op),
                    measured[1000].Writes.Where(w => w.TableName == table).Select(w => w.Op));
            Assert.InRange(large, small * 95 / 100, small * 105 / 100);
            Assert.All(measured[1000].Writes, w => Assert.True(w.Bytes < 4096, $"{w.TableName} {w.Op} {w.RowKey}: {w.Bytes} bytes"));

            foreach (var (size, (writes, events)) in measured)
            {
                var id = $"measured-{size:0000}";
                // Every event is one inserted row, never rewritten; the theorem's state is written at the submission
                // and at the verdict, the document once, the catalogue row once per status (pending, running, proved).
                var eventRows = writes.Where(w => w.TableName == "hmstheoremevent").ToList();
                Assert.All(eventRows, w => Assert.Equal("INSERT", w.Op));
                Assert.Equal(events.Count, eventRows.Count);
                Assert.Equal(2, writes.Count(w => w.RowKey == $"theorem/{id}"));
                Assert.Equal(1, writes.Count(w => w.RowKey == $"theorem-document/{id}"));
                Assert.Equal(3, writes.Count(w => w.TableName == "hmstheoremindex"));
            }
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    [Fact]
    public async Task After_a_restart_running_theorems_are_proved_again_and_finished_ones_are_listed_with_their_events()
    {
        var serviceId = NewServiceId("restart");
        var endless = Endless("restart-endless");
        var proved = Spec("restart-proved", "x * x + 7 >= 7");
        var cluster = await HmsClusters.StartAsync(pg, serviceId);
        List<ProgressEvent> before, provedEvents;
        try
        {
            await cluster.Client.GetGrain<ITheoremGrain>(proved.Id).SubmitAsync(proved, new(), false);
            provedEvents = await HmsClusters.FollowAsync(cluster, proved.Id);
            await cluster.Client.GetGrain<ITheoremGrain>(endless.Id).SubmitAsync(endless, new ProveSettings { TimeoutSeconds = 600 }, false);
            before = await HmsClusters.FollowAsync(cluster, endless.Id, 0, e => e.Kind == ProgressKind.ObligationStarted);
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }

        cluster = await HmsClusters.StartAsync(pg, serviceId);
        try
        {
            var index = HmsClusters.Index(cluster);
            Assert.Equal([proved.Id], (await index.ListAsync(10, null, null, TheoremStatus.Proved)).TheoremIds);
            var theorem = cluster.Client.GetGrain<ITheoremGrain>(proved.Id);
            Assert.Equal(TheoremStatus.Proved, (await theorem.GetAsync())!.Status);
            Assert.Equal(provedEvents, await theorem.GetEventsAsync(0));

            // The running one was picked up by the start-up: decomposed again, its log numbered on from before.
            var endlessGrain = cluster.Client.GetGrain<ITheoremGrain>(endless.Id);
            var resumed = await HmsClusters.FollowAsync(cluster, endless.Id, before[^1].Sequence, e => e.Kind == ProgressKind.Decomposed);
            Assert.Equal(ProgressKind.Decomposed, resumed[^1].Kind);
            await endlessGrain.CancelAsync();
            var all = await endlessGrain.GetEventsAsync(0);
            Assert.Equal(before, all.Take(before.Count));
            Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
            Assert.Equal(all.Count, all.Select(e => e.Sequence).Distinct().Count());
            Assert.Equal(ProgressKind.Completed, all[^1].Kind);
            Assert.Equal([endless.Id], (await index.ListAsync(10, null, null, TheoremStatus.Cancelled)).TheoremIds);
            Assert.Equal(2, await index.CountAsync(null, null));
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    [Fact]
    public async Task Rows_stored_before_the_journal_are_migrated_at_start_and_stay_readable()
    {
        var serviceId = NewServiceId("legacy");
        var finished = Spec("legacy-finished", "x * x + 3 >= 3") with { Domain = "old" };
        var unfinished = Spec("legacy-running", "x * x + 4 >= 4") with { Domain = "old" };
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        ProgressEvent E(string id, long sequence, ProgressKind kind) => new() { TheoremId = id, Sequence = sequence, Kind = kind, At = at };
        List<ProgressEvent> finishedEvents =
        [
            E(finished.Id, 1, ProgressKind.Submitted), E(finished.Id, 2, ProgressKind.Decomposed) with { ObligationCount = 2 },
            E(finished.Id, 3, ProgressKind.Completed) with { TheoremStatus = TheoremStatus.Proved },
        ];

        var cluster = await HmsClusters.StartAsync(pg, serviceId);
        try
        {
            // The layout before the journal: the document and every event inside the theorem's grain state, and the
            // catalogue as one grain's row ('catalog'), which nothing reads any more.
            var storage = HmsClusters.Services(cluster).GetRequiredKeyedService<IGrainStorage>(HmsStorage.Theorems);
            await storage.WriteStateAsync("theorem", GrainId.Create("theorem", finished.Id), new GrainState<TheoremState>(new TheoremState
            {
                LegacySpec = finished, ContentHash = finished.ContentHash, Status = TheoremStatus.Proved, Attempt = 1,
                Verdict = new TheoremVerdict { Status = TheoremStatus.Proved }, CreatedAt = at, UpdatedAt = at, CompletedAt = at,
                LegacyEvents = finishedEvents,
            }));
            await storage.WriteStateAsync("theorem", GrainId.Create("theorem", unfinished.Id), new GrainState<TheoremState>(new TheoremState
            {
                LegacySpec = unfinished, ContentHash = unfinished.ContentHash, Status = TheoremStatus.Running, Attempt = 1,
                CreatedAt = at, UpdatedAt = at, LegacyEvents = [E(unfinished.Id, 1, ProgressKind.Submitted), E(unfinished.Id, 2, ProgressKind.Decomposed)],
            }));
            await using var connection = await pg.OpenAsync();
            await using var catalog = new NpgsqlCommand("""
                INSERT INTO HmsGrainState (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, ServiceId, PayloadBinary, Version)
                VALUES (0, 0, 0, 0, 'catalog', $1, '\x00', 1)
                """, connection);
            catalog.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            await catalog.ExecuteNonQueryAsync();
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }

        cluster = await HmsClusters.StartAsync(pg, serviceId);
        try
        {
            var index = HmsClusters.Index(cluster);
            Assert.Equal(2, await index.CountAsync("old", null));
            Assert.Equal([finished.Id], (await index.ListAsync(10, null, "old", TheoremStatus.Proved)).TheoremIds);
            var grain = cluster.Client.GetGrain<ITheoremGrain>(finished.Id);
            var snapshot = (await grain.GetAsync())!;
            Assert.Equal(finished.ContentHash, snapshot.Spec.ContentHash);
            Assert.Equal(3, snapshot.LastSequence);
            Assert.Equal(finishedEvents, await grain.GetEventsAsync(0));

            // The unfinished one was resumed: proved now, numbering on after its stored events.
            var resumed = await HmsClusters.FollowAsync(cluster, unfinished.Id, 2);
            Assert.Equal(3, resumed[0].Sequence);
            Assert.Equal(TheoremStatus.Proved, resumed[^1].TheoremStatus);
            Assert.Equal(TheoremStatus.Proved, (await cluster.Client.GetGrain<ITheoremGrain>(unfinished.Id).GetAsync())!.Status);

            // The rows are in the new layout: no document or events left in the state, no catalogue row.
            var storage = HmsClusters.Services(cluster).GetRequiredKeyedService<IGrainStorage>(HmsStorage.Theorems);
            var stored = new GrainState<TheoremState>(new TheoremState());
            await storage.ReadStateAsync("theorem", GrainId.Create("theorem", finished.Id), stored);
            Assert.Null(stored.State!.LegacySpec);
            Assert.Null(stored.State!.LegacyEvents);
            await using var connection = await pg.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM HmsGrainState WHERE ServiceId = $1 AND GrainTypeString = 'catalog'", connection);
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }
}

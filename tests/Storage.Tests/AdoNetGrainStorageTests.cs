using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Hms.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AdoNetGrainStorageTests(PostgresFixture pg)
{
    /// <summary>How the provider lays a grain key out in the row (AdoGrainKey in Orleans).</summary>
    private sealed record RowKey(string StateName, long N0, long N1, string? Extension);

    private sealed record Row(int Version, byte[]? Payload);

    [Fact]
    public async Task SchemaScripts_AreIdempotent_AndRegisterTheProviderQueries()
    {
        // The fixture already ran them twice; a third run must also succeed.
        await pg.ApplySchemaAsync();

        await using var connection = await pg.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        // Grain storage's four, membership's nine (PostgreSQL-Clustering.sql) and reminders' seven, each once.
        Assert.Equal(
        [
            "CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey",
            "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
            "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey",
            "WriteToStorageKey",
        ], keys);
    }

    [Fact]
    public async Task WriteReadClear_RoundTripThroughPostgres_ForEveryKeyKind()
    {
        var cluster = await Clusters.StartAsync(pg);
        try
        {
            var integerKey = Random.Shared.NextInt64(1, long.MaxValue);
            await RoundTripAsync(cluster,
                cluster.GrainFactory.GetGrain<IIntegerProbeGrain>(integerKey),
                new RowKey("probe-int", 0, integerKey, null));

            var stringKey = "string-key/" + Guid.NewGuid().ToString("N");
            await RoundTripAsync(cluster,
                cluster.GrainFactory.GetGrain<IStringProbeGrain>(stringKey),
                new RowKey("probe-string", 0, 0, stringKey));

            var guid = Guid.NewGuid();
            var bytes = guid.ToByteArray();
            await RoundTripAsync(cluster,
                cluster.GrainFactory.GetGrain<IGuidCompoundProbeGrain>(guid, "extension"),
                new RowKey("probe-guid", BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), "extension"));
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    private async Task RoundTripAsync(TestCluster cluster, IProbe probe, RowKey key)
    {
        var fresh = await probe.Get();
        Assert.False(fresh.RecordExists);
        Assert.Null(fresh.ETag);
        Assert.Equal("", fresh.Text);
        Assert.Null(await ReadRowAsync(key));

        var first = await probe.Set("alpha", 1);
        Assert.Equal("1", first.ETag);
        Assert.True(first.RecordExists);
        var row = await ReadRowAsync(key);
        Assert.NotNull(row);
        Assert.Equal(1, row.Version);
        Assert.NotNull(row.Payload);

        // A new activation reads the state back from PostgreSQL.
        await cluster.DeactivateAsync(probe);
        var reread = await probe.Get();
        Assert.NotEqual(first.ActivationId, reread.ActivationId);
        Assert.Equal(("alpha", 1, "1", true), (reread.Text, reread.Count, reread.ETag, reread.RecordExists));

        var second = await probe.Set("beta", 2);
        Assert.Equal("2", second.ETag);
        Assert.Equal(["alpha", "beta"], second.History);

        // Clear keeps the row (payload NULL) and bumps the version.
        var cleared = await probe.Clear();
        Assert.False(cleared.RecordExists);
        Assert.Equal("3", cleared.ETag);
        Assert.Equal("", cleared.Text);
        row = await ReadRowAsync(key);
        Assert.NotNull(row);
        Assert.Equal(3, row.Version);
        Assert.Null(row.Payload);

        await cluster.DeactivateAsync(probe);
        var afterClear = await probe.Get();
        Assert.NotEqual(reread.ActivationId, afterClear.ActivationId);
        Assert.False(afterClear.RecordExists);
        Assert.Equal("3", afterClear.ETag);
        Assert.Equal(("", 0), (afterClear.Text, afterClear.Count));
        Assert.Empty(afterClear.History);

        var again = await probe.Set("gamma", 3);
        Assert.Equal("4", again.ETag);
        Assert.True(again.RecordExists);
    }

    [Fact]
    public async Task State_SurvivesAClusterRestart()
    {
        // A long string key: the unique index holds md5s, so key length is not limited by B-tree entry size.
        var key = "restart/" + Guid.NewGuid().ToString("N") + new string('k', 5000);

        var cluster = await Clusters.StartAsync(pg);
        ProbeSnapshot written;
        try
        {
            written = await cluster.GrainFactory.GetGrain<IStringProbeGrain>(key).Set("persisted", 7);
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }

        cluster = await Clusters.StartAsync(pg);
        try
        {
            var read = await cluster.GrainFactory.GetGrain<IStringProbeGrain>(key).Get();
            Assert.NotEqual(written.ActivationId, read.ActivationId);
            Assert.Equal(("persisted", 7, "1", true), (read.Text, read.Count, read.ETag, read.RecordExists));
            Assert.Equal(["persisted"], read.History);
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    [Fact]
    public async Task StaleWrite_FromAGrain_RaisesInconsistentStateException()
    {
        var cluster = await Clusters.StartAsync(pg);
        try
        {
            var integerKey = Random.Shared.NextInt64(1, long.MaxValue);
            var probe = cluster.GrainFactory.GetGrain<IIntegerProbeGrain>(integerKey);
            var key = new RowKey("probe-int", 0, integerKey, null);
            Assert.Equal("1", (await probe.Set("mine", 1)).ETag);

            // Someone else writes the row behind the activation's back.
            await using (var connection = await pg.OpenAsync())
            await using (var command = new NpgsqlCommand(
                "SELECT HmsGrainState_Write(h.GrainIdHash, h.GrainIdN0, h.GrainIdN1, h.GrainTypeHash, h.GrainTypeString, " +
                "h.GrainIdExtensionString, h.ServiceId, h.Version, '\\x00'::bytea) " +
                "FROM HmsGrainState h WHERE h.ServiceId = @s AND h.GrainTypeString = @t AND h.GrainIdN0 = @n0 AND h.GrainIdN1 = @n1",
                connection))
            {
                AddKeyParameters(command, key);
                Assert.Equal(2, await command.ExecuteScalarAsync());
            }

            await Assert.ThrowsAsync<InconsistentStateException>(() => probe.Set("stale", 2));

            var row = await ReadRowAsync(key);
            Assert.NotNull(row);
            Assert.Equal(2, row.Version);
            Assert.Equal([0], row.Payload);
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    [Fact]
    public async Task ConcurrentWritesWithTheSameETag_ExactlyOneWins()
    {
        var cluster = await Clusters.StartAsync(pg);
        try
        {
            var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("Default");
            var grainId = GrainId.Create("direct-probe", Guid.NewGuid().ToString("N"));
            const string stateName = "direct";

            // Two first writes (no ETag) race for the insert.
            var first = await RaceAsync(storage, stateName, grainId, eTag: null);
            Assert.Equal("1", first.ETag);

            // Two writers that both read version 1 race for the update.
            var second = await RaceAsync(storage, stateName, grainId, eTag: "1");
            Assert.Equal("2", second.ETag);

            var read = new GrainState<ProbeState>(new ProbeState());
            await storage.ReadStateAsync(stateName, grainId, read);
            Assert.Equal(("2", true, second.State?.Text), (read.ETag, read.RecordExists, read.State?.Text));

            // A clear with a stale ETag is a conflict too.
            var staleClear = new GrainState<ProbeState>(new ProbeState()) { ETag = "1", RecordExists = true };
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, staleClear));
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    [Fact]
    public async Task DeleteStateOnClear_RemovesTheRow_AndStillDetectsConflicts()
    {
        var cluster = await Clusters.StartAsync(pg);
        try
        {
            var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("Deleting");
            var grainId = GrainId.Create("direct-probe", Guid.NewGuid().ToString("N"));
            const string stateName = "deleting";

            var state = new GrainState<ProbeState>(new ProbeState { Text = "one" });
            await storage.WriteStateAsync(stateName, grainId, state);
            Assert.Equal("1", state.ETag);
            var staleHolder = new GrainState<ProbeState>(new ProbeState()) { ETag = "1", RecordExists = true };

            await storage.ClearStateAsync(stateName, grainId, state);
            Assert.Null(state.ETag);
            Assert.False(state.RecordExists);

            var read = new GrainState<ProbeState>(new ProbeState());
            await storage.ReadStateAsync(stateName, grainId, read);
            Assert.Equal((null, false), (read.ETag, read.RecordExists));

            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, staleHolder));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, staleHolder));

            state.State = new ProbeState { Text = "two" };
            await storage.WriteStateAsync(stateName, grainId, state);
            Assert.Equal("1", state.ETag);
        }
        finally
        {
            await Clusters.StopAsync(cluster);
        }
    }

    /// <summary>
    /// Starts two writes with the same ETag at once; asserts that exactly one
    /// succeeds and the other gets InconsistentStateException. Returns the winner.
    /// </summary>
    private static async Task<GrainState<ProbeState>> RaceAsync(IGrainStorage storage, string stateName, GrainId grainId, string? eTag)
    {
        var contenders = new[] { "left", "right" }
            .Select(text => new GrainState<ProbeState>(new ProbeState { Text = text }) { ETag = eTag, RecordExists = eTag is not null })
            .ToArray();
        var outcomes = await Task.WhenAll(contenders.Select(async state =>
        {
            try
            {
                await storage.WriteStateAsync(stateName, grainId, state);
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is InconsistentStateException);
        return contenders[Array.IndexOf(outcomes, null)];
    }

    private async Task<Row?> ReadRowAsync(RowKey key)
    {
        await using var connection = await pg.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Version, PayloadBinary FROM HmsGrainState WHERE ServiceId = @s AND GrainTypeString = @t " +
            "AND GrainIdN0 = @n0 AND GrainIdN1 = @n1 AND GrainIdExtensionString IS NOT DISTINCT FROM @e",
            connection);
        AddKeyParameters(command, key);
        command.Parameters.AddWithValue("e", NpgsqlTypes.NpgsqlDbType.Text, (object?)key.Extension ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        var row = new Row(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));
        Assert.False(await reader.ReadAsync(), "more than one row for one grain");
        return row;
    }

    private static void AddKeyParameters(NpgsqlCommand command, RowKey key)
    {
        command.Parameters.AddWithValue("s", PostgresFixture.ServiceId);
        command.Parameters.AddWithValue("t", key.StateName);
        command.Parameters.AddWithValue("n0", key.N0);
        command.Parameters.AddWithValue("n1", key.N1);
    }
}

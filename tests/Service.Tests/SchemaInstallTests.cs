using Hms.Frontend.V1;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;
using Npgsql;

namespace Hms.Service.Tests;

/// <summary>`serve` without --postgres on an empty data folder: its own cluster, database `hms`, the schema.</summary>
[Collection(ServeCollection.Name)]
public sealed class SchemaInstallTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output)
{
    [Fact]
    public async Task Serve_on_an_empty_data_folder_starts_a_cluster_and_installs_the_schema()
    {
        await Service.EnsureRunningAsync();

        Assert.True(Service.StartedOnEmptyDataDirectory);
        Assert.True(await PgLocal.IsRunningAsync(Service.DataDirectory), "serve should have started its own PostgreSQL cluster");
        await using var db = await Service.OpenDatabaseAsync();
        var tables = await StringsAsync(db,
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
        Assert.Contains("orleansquery", tables);
        Assert.Contains("hmsgrainstate", tables);
        Assert.Contains("hmstheoremevent", tables);
        Assert.Contains("hmstheoremindex", tables);
        Assert.Contains("orleansmembershiptable", tables);
        Assert.Contains("orleansmembershipversiontable", tables);
        Assert.Contains("orleansreminderstable", tables);
        // Each ADO.NET provider refuses to start without its rows: grain storage (the persistence script), membership
        // (the clustering script, installed for a single silo too) and reminders.
        var queries = await StringsAsync(db, "SELECT querykey::text FROM orleansquery");
        string[] expected =
        [
            "ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey",
            "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
            "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
            "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
            "ReadReminderRowsKey", "UpsertReminderRowKey",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), queries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_proved_theorem_is_stored_in_the_grain_state_journal_and_index_tables()
    {
        await Service.EnsureRunningAsync();

        var proved = await Progress.ProveAllAsync(Service.Client, [Theorems.Proved("schema-stored")], TimeSpan.FromSeconds(60));

        Assert.Equal(TheoremStatus.Proved, proved.Single().Status);
        await using var db = await Service.OpenDatabaseAsync();
        var stored = await StringsAsync(db,
            "SELECT graintypestring FROM hmsgrainstate WHERE grainidextensionstring = 'schema-stored' AND payloadbinary IS NOT NULL");
        // The status and the document apart (the document is written once), the events one row each, one index row.
        Assert.Equal(new[] { "theorem", "theorem-document" }, stored.Order(StringComparer.Ordinal));
        var events = await StringsAsync(db, "SELECT sequence::text FROM hmstheoremevent WHERE theoremid = 'schema-stored' ORDER BY sequence");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events);
        Assert.True(events.Count >= 5, $"submitted, decomposed, an obligation started and finished, completed; got {events.Count} events");
        var listed = await StringsAsync(db, "SELECT status::text FROM hmstheoremindex WHERE theoremid = 'schema-stored'");
        Assert.Equal(new[] { ((int)Hms.Proving.Proof.TheoremStatus.Proved).ToString(System.Globalization.CultureInfo.InvariantCulture) }, listed);
    }

    [Fact]
    public async Task Rows_are_keyed_by_the_service_id_earlier_versions_stored_them_under()
    {
        await Service.EnsureRunningAsync();

        await Progress.ProveAllAsync(Service.Client, [Theorems.Proved("schema-service-id")], TimeSpan.FromSeconds(60));

        // Before Hms:Cluster:ServiceId, localhost clustering left Orleans' "default": a database written then must
        // still be read, so the explicit default is the same.
        await using var db = await Service.OpenDatabaseAsync();
        Assert.Equal(["default"], await StringsAsync(db,
            "SELECT DISTINCT serviceid FROM hmsgrainstate WHERE grainidextensionstring = 'schema-service-id'"));
        Assert.Equal(["default"], await StringsAsync(db, "SELECT serviceid FROM hmstheoremindex WHERE theoremid = 'schema-service-id'"));
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}

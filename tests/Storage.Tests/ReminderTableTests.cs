using Microsoft.Extensions.DependencyInjection;

namespace Hms.Storage.Tests;

/// <summary>
/// Orleans' ADO.NET reminder table on PostgreSQL-Reminders.sql, as a silo of the service registers it: the real
/// provider against the real schema, every query of its contract, and rows kept when the schema is installed again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderTableTests(PostgresFixture pg)
{
    [Fact]
    public async Task Reminders_are_upserted_read_by_grain_name_and_ring_range_and_removed_only_with_their_etag()
    {
        var cluster = await HmsClusters.StartAsync(pg, $"reminders-{Guid.NewGuid():N}");
        try
        {
            var table = HmsClusters.Services(cluster).GetRequiredService<IReminderTable>();
            var grain = GrainId.Create("theorem", "reminder-probe");
            var other = GrainId.Create("theorem", "reminder-other");
            var start = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            var first = await table.UpsertRow(Entry(grain, "lease", start, TimeSpan.FromMinutes(1)))
                ?? throw new InvalidOperationException("the upsert returned no ETag");
            // A period past int32 milliseconds (about 24.8 days) goes to the bigint column as int64.
            await table.UpsertRow(Entry(grain, "sweep", start, TimeSpan.FromDays(40)));
            await table.UpsertRow(Entry(other, "lease", start, TimeSpan.FromMinutes(2)));
            var second = await table.UpsertRow(Entry(grain, "lease", start.AddMinutes(5), TimeSpan.FromMinutes(3)))
                ?? throw new InvalidOperationException("the upsert returned no ETag");
            Assert.NotEqual(first, second);

            await pg.ApplySchemaAsync(); // installed again on a table with rows: they stay
            await pg.ApplySchemaAsync();

            var lease = await table.ReadRow(grain, "lease") ?? throw new InvalidOperationException("the reminder is gone");
            Assert.Equal((start.AddMinutes(5), TimeSpan.FromMinutes(3), second), (lease.StartAt, lease.Period, lease.ETag));
            Assert.Equal(grain, lease.GrainId);
            var rows = await table.ReadRows(grain);
            Assert.Equal(new[] { "lease", "sweep" }, rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
            Assert.Equal(TimeSpan.FromDays(40), rows.Reminders.Single(r => r.ReminderName == "sweep").Period);

            // Ring slices are (begin, end]; a begin past the end (as int32) wraps around. The whole ring but hash 0:
            var whole = await table.ReadRows(0, uint.MaxValue);
            Assert.Equal(3, whole.Reminders.Count(r => r.GrainId == grain || r.GrainId == other));
            // The slice of just the grain's hash, and the wrapping one of everything else.
            var hash = grain.GetUniformHashCode();
            var justIt = await table.ReadRows(hash - 1, hash);
            Assert.Equal(new[] { "lease", "sweep" }, justIt.Reminders.Where(r => r.GrainId == grain).Select(r => r.ReminderName).Order(StringComparer.Ordinal));
            Assert.All(justIt.Reminders, r => Assert.Equal(hash, r.GrainId.GetUniformHashCode()));
            var allBut = await table.ReadRows(hash, hash - 1);
            Assert.DoesNotContain(allBut.Reminders, r => r.GrainId == grain);
            Assert.Contains(allBut.Reminders, r => r.GrainId == other);

            Assert.False(await table.RemoveRow(grain, "lease", first), "a stale ETag must not remove the reminder");
            Assert.True(await table.RemoveRow(grain, "lease", second));
            Assert.Null(await table.ReadRow(grain, "lease"));
            Assert.Equal(new[] { "sweep" }, (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime start, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = period };
}

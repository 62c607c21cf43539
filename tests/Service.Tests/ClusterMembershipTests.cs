using Hms.Frontend.V1;
using Hms.Service.Tests.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Hms.Service.Tests;

/// <summary>Several `hms serve --clustering postgres` processes form one cluster: any silo serves every theorem.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterMembershipTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>, IDisposable
{
    private SiloCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Three_silos_on_postgres_membership_form_one_cluster()
    {
        foreach (var member in Cluster.Members)
            Assert.True(await Cluster.WaitForStatusAsync(member, SiloCluster.Active, TimeSpan.FromSeconds(30)),
                $"{member.Host}:{member.SiloPort} is not Active: {string.Join(", ", await Cluster.MembershipAsync())}");

        // Each of the three once, as one cluster sees it (tests after this one may add silos of their own).
        var active = (await Cluster.MembershipAsync()).Where(m => m.Status == SiloCluster.Active).Select(m => m.Address).ToList();
        foreach (var host in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" }) Assert.Single(active, a => a == host);
    }

    [Fact]
    public async Task A_theorem_submitted_through_silo_1_is_followed_read_and_listed_through_silo_3()
    {
        var theorem = Theorems.DisprovedReal("cluster-across-silos");
        await Cluster[0].Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: DateTime.UtcNow.AddSeconds(30));

        var events = await Progress.WatchToCompletionAsync(Cluster[2].Client, theorem.Id, TimeSpan.FromSeconds(60));
        var read = await Cluster[2].Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(TheoremStatus.Disproved, read.Status);
        Assert.Equal(TheoremStatus.Disproved, events[^1].TheoremStatus);
        Assert.True(read.Counterexample.Validated, "the counterexample was not validated");
        Assert.Equal(read, await Cluster[1].Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: DateTime.UtcNow.AddSeconds(30)));
        var listed = await Cluster[2].Client.ListTheoremsAsync(new ListTheoremsRequest { Status = TheoremStatus.Disproved },
            deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Contains(listed.Theorems, t => t.Id == theorem.Id);
    }

    [Fact]
    public async Task A_silo_joining_a_live_cluster_installs_the_schema_again_and_changes_no_row()
    {
        var theorem = Theorems.Proved("cluster-before-reinstall");
        await Progress.ProveAllAsync(Cluster[0].Client, [theorem], TimeSpan.FromSeconds(60));
        var before = await SnapshotAsync();

        // Its `serve` runs every schema script on a database that has them all, with a cluster on it.
        var joined = await Cluster.AddSiloAsync();

        Assert.True(await Cluster.WaitForStatusAsync(joined, SiloCluster.Active, TimeSpan.FromSeconds(30)), "the fourth silo did not become Active");
        var after = await SnapshotAsync();
        Assert.Equal(before.Queries, after.Queries);
        Assert.Equal(before.Rows, after.Rows);
        foreach (var member in Cluster.Members.Take(3)) Assert.Equal(SiloCluster.Active, await Cluster.StatusAsync(member));
        var read = await joined.Serve.Client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(TheoremStatus.Proved, read.Status);
    }

    [Fact]
    public async Task A_silo_killed_with_sigkill_is_declared_dead_and_the_others_go_on_serving()
    {
        var doomed = await Cluster.AddSiloAsync();
        Assert.True(await Cluster.WaitForStatusAsync(doomed, SiloCluster.Active, TimeSpan.FromSeconds(30)), "the extra silo did not become Active");

        await doomed.Serve.KillHardAsync();

        Assert.True(await Cluster.WaitForStatusAsync(doomed, SiloCluster.Dead, SiloCluster.DeathDeclarationBound),
            $"{doomed.Host} was not declared dead within {SiloCluster.DeathDeclarationBound}: {string.Join(", ", await Cluster.MembershipAsync())}");
        foreach (var member in Cluster.Members.Take(3)) Assert.Equal(SiloCluster.Active, await Cluster.StatusAsync(member));
        var proved = await Progress.ProveAllAsync(Cluster[1].Client, [Theorems.DisprovedInt("cluster-after-kill")], TimeSpan.FromSeconds(60));
        Assert.Equal(TheoremStatus.Disproved, proved.Single().Status);
    }

    /// <summary>The OrleansQuery rows, the journal, index and reminder row counts, and the versions of the test theorem's state rows.</summary>
    private async Task<(List<string> Queries, List<string> Rows)> SnapshotAsync()
    {
        await using var db = await Cluster.OpenDatabaseAsync();
        var queries = await StringsAsync(db, "SELECT querykey || ': ' || md5(querytext) FROM orleansquery ORDER BY querykey");
        List<string> rows = [];
        foreach (var table in new[] { "hmstheoremevent", "hmstheoremindex", "orleansreminderstable" })
            rows.AddRange(await StringsAsync(db, $"SELECT '{table}: ' || count(*) FROM {table}"));
        rows.AddRange(await StringsAsync(db,
            "SELECT 'state ' || graintypestring || ' ' || coalesce(grainidextensionstring, '') || ': ' || version FROM hmsgrainstate " +
            "WHERE grainidextensionstring = 'cluster-before-reinstall' ORDER BY 1"));
        return (queries, rows);
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    public void Dispose()
    {
        foreach (var log in Cluster.Logs(200)) output.WriteLine(log);
    }
}

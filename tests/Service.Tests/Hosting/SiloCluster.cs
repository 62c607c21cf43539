using System.Globalization;
using Npgsql;

namespace Hms.Service.Tests.Hosting;

/// <summary>
/// Several `hms serve --clustering postgres` processes on 127.0.0.2, 127.0.0.3, … sharing one PostgreSQL that
/// this class starts with pg-local.sh on a free port, with membership timeouts short enough that a killed silo
/// is declared dead in seconds. Disposing stops every silo and deletes the database.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>Orleans' SiloStatus values as the membership table stores them.</summary>
    public const int Active = 3;
    public const int Dead = 6;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private const int NumMissedProbesLimit = 3;
    private static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Hms:Cluster for the silos: short, but not so short that a silo starved of CPU by parallel tests is
    /// suspected (Orleans also stretches probe timeouts while the prober itself is degraded).
    /// </summary>
    private static readonly Dictionary<string, string> Membership = new()
    {
        ["Hms__Cluster__ClusterId"] = "hms-tests",
        ["Hms__Cluster__ProbeTimeout"] = ProbeTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["Hms__Cluster__NumMissedProbesLimit"] = NumMissedProbesLimit.ToString(CultureInfo.InvariantCulture),
        ["Hms__Cluster__IAmAliveTablePublishTimeout"] = "00:00:03",
        ["Hms__Cluster__TableRefreshTimeout"] = TableRefreshTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["Hms__Cluster__DeathVoteExpirationTimeout"] = "00:00:30",
    };

    /// <summary>
    /// Longest a killed silo may stay undeclared under these settings: the probes its peers miss, then one table
    /// refresh, three times over for a loaded machine. Usually a closed connection tells the peers at once.
    /// </summary>
    public static TimeSpan DeathDeclarationBound => 3 * (ProbeTimeout * NumMissedProbesLimit + TableRefreshTimeout);

    private readonly string workDirectory;
    private readonly List<Member> members = [];
    private readonly List<ServeProcess> started = [];

    /// <summary>The last byte of the last silo address handed out: the first silo gets 127.0.0.2.</summary>
    private int lastHost = 1;

    private SiloCluster(string workDirectory, int postgresPort)
    {
        this.workDirectory = workDirectory;
        PostgresPort = postgresPort;
    }

    /// <summary>One silo: its process and the silo port it is registered under in the membership table.</summary>
    public sealed record Member(ServeProcess Serve, string Host, int SiloPort);

    public int PostgresPort { get; }

    public string DataDirectory => Path.Combine(workDirectory, "pg");

    public IReadOnlyList<Member> Members => members;

    /// <summary>The i-th silo (0-based), on 127.0.0.(i+2).</summary>
    public ServeProcess this[int index] => members[index].Serve;


    /// <summary>
    /// What the silos get as --postgres: pooled, as a deployment would, but each silo's pool at most 12 (plus 4 of
    /// the membership's) instead of 32, so that five silos stay under the test PostgreSQL's 100 connections.
    /// </summary>
    public string ServeConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database=hms;Maximum Pool Size=12";

    /// <summary>The test's own connections: unpooled, so that nothing is left open when the cluster stops.</summary>
    public string TestConnectionString => new NpgsqlConnectionStringBuilder(ServeConnectionString)
    {
        Pooling = false, Timeout = 15, CommandTimeout = 15,
    }.ConnectionString;

    /// <summary>Starts PostgreSQL, then <paramref name="count"/> silos at once (each installs the schema).</summary>
    public static async Task<SiloCluster> StartAsync(int count)
    {
        var cluster = new SiloCluster(Directory.CreateTempSubdirectory("hms-cluster-tests-").FullName, Ports.Free());
        try
        {
            await PgLocal.StartAsync(cluster.DataDirectory, cluster.PostgresPort);
            await Task.WhenAll(Enumerable.Range(0, count).Select(_ => cluster.AddSiloAsync()));
            cluster.members.Sort((a, b) => LastByte(a.Host).CompareTo(LastByte(b.Host)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>One more silo on the next loopback address, joining the running cluster.</summary>
    public async Task<Member> AddSiloAsync()
    {
        var host = $"127.0.0.{Interlocked.Increment(ref lastHost)}";
        var siloPort = Ports.Free();
        string[] options =
        [
            "--clustering", "postgres", "--postgres", ServeConnectionString,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", Ports.Free().ToString(CultureInfo.InvariantCulture),
        ];
        var serve = await ServeProcess.StartAsync(host, Ports.Free(), options, Membership, workDirectory, s =>
        {
            lock (started) started.Add(s);
        });
        var member = new Member(serve, host, siloPort);
        lock (members) members.Add(member);
        return member;
    }

    /// <summary>The membership table's status of each silo incarnation on <paramref name="member"/>'s address and port.</summary>
    public async Task<int?> StatusAsync(Member member)
    {
        await using var db = await OpenDatabaseAsync();
        await using var query = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE address = @a AND port = @p ORDER BY generation DESC LIMIT 1", db);
        query.Parameters.AddWithValue("a", member.Host);
        query.Parameters.AddWithValue("p", member.SiloPort);
        return await query.ExecuteScalarAsync() is int status ? status : null;
    }

    /// <summary>
    /// Polls the membership table (another process's table has no event to await) until the silo has
    /// <paramref name="status"/>; false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitForStatusAsync(Member member, int status, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (await StatusAsync(member) == status) return true;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return await StatusAsync(member) == status;
    }

    private static int LastByte(string host) => int.Parse(host[(host.LastIndexOf('.') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>(address, port, status) of every row of the membership table.</summary>
    public async Task<List<(string Address, int Port, int Status)>> MembershipAsync()
    {
        await using var db = await OpenDatabaseAsync();
        await using var query = new NpgsqlCommand("SELECT address, port, status FROM orleansmembershiptable ORDER BY address, port", db);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<(string, int, int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return rows;
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(TestConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The last lines of every silo this cluster started, for failure reports.</summary>
    public IEnumerable<string> Logs(int lines)
    {
        lock (started)
            return [.. started.Select(s => $"--- silo {s.Host} (pid {s.Process.Id}) ---\n{s.Process.Tail(lines)}")];
    }

    /// <summary>Stops every silo that still runs, then always deletes the database, whatever a silo's stop threw.</summary>
    public async ValueTask DisposeAsync()
    {
        List<ServeProcess> all;
        lock (started) all = [.. started];
        var failures = new List<Exception>();
        await Task.WhenAll(all.Select(async s =>
        {
            try
            {
                await s.StopAsync();
                await s.DisposeAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // A silo that failed to start was disposed already; its process is gone.
                lock (failures) failures.Add(e);
            }
        }));
        await PgLocal.DestroyAsync(DataDirectory);
        Directory.Delete(workDirectory, recursive: true);
        if (failures.Count > 0 && failures.Any(e => e is TimeoutException))
            throw new AggregateException("a silo of the test cluster did not stop", failures);
    }
}

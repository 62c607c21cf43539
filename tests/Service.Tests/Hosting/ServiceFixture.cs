using Hms.Frontend.V1;
using Npgsql;

namespace Hms.Service.Tests.Hosting;

/// <summary>
/// One `hms serve` process with its own PostgreSQL cluster in a temp data folder, shared by the tests of
/// <see cref="ServeCollection"/>. Tests may kill and restart it; each test that needs it starts with
/// <see cref="EnsureRunningAsync"/>, whose first call starts it. At the end the server is stopped, and the
/// cluster too (serve leaves it running after a kill -9), and its data deleted.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private string? workDirectory;
    private ServeProcess? server;
    private ServePorts? ports;
    private readonly List<ServeProcess> started = [];

    /// <summary>The --data-dir of every start: the same cluster across restarts.</summary>
    public string DataDirectory => Path.Combine(workDirectory ?? throw NotStarted(), "pg");

    /// <summary>True when the first `serve` found no cluster and no database there.</summary>
    public bool StartedOnEmptyDataDirectory { get; private set; }

    public ServePorts Ports => ports ?? throw NotStarted();

    public ServeProcess Server => server ?? throw NotStarted();

    public TheoremProver.TheoremProverClient Client => Server.Client;

    /// <summary>How many `serve` processes have been started (also those that never came up).</summary>
    public int Starts => started.Count;

    /// <summary>The output of each `serve` process from the <paramref name="first"/>-th (0-based) on, for failure reports.</summary>
    public IEnumerable<string> Logs(int first, int lines) =>
        started.Skip(first).Select((s, i) => $"--- serve #{first + i + 1} (pid {s.Process.Id}) ---\n{s.Process.Tail(lines)}");

    public string PostgresConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Ports.Postgres,
        Username = "postgres",
        Database = "hms",
        Pooling = false,
        Timeout = 15,
        CommandTimeout = 15,
    }.ConnectionString;

    /// <summary>Chooses the ports and the data folder; the first test that needs the server starts it.</summary>
    public async Task InitializeAsync()
    {
        var chosen = await ServePorts.ChooseAsync();
        using (var check = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await chosen.EnsureFreeAsync(check.Token);
        }
        ports = chosen;
        workDirectory = Directory.CreateTempSubdirectory("hms-service-tests-").FullName;
    }

    /// <summary>Starts `serve` on the same data folder: the first time on an empty one, later after a kill or a stop.</summary>
    public async Task StartAsync()
    {
        if (server is { Process.HasExited: false }) throw new InvalidOperationException("serve is already running");
        if (server is not null) await server.DisposeAsync();
        server = null;
        if (started.Count == 0) StartedOnEmptyDataDirectory = !Directory.Exists(DataDirectory);
        server = await ServeProcess.StartAsync(DataDirectory, Ports, workDirectory ?? throw NotStarted(), started.Add);
    }

    /// <summary>Starts `serve` unless it runs: the first time, or when a test killed it and failed before starting it again.</summary>
    public async Task EnsureRunningAsync()
    {
        if (server is null || server.Process.HasExited) await StartAsync();
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        var failures = new List<Exception>();
        try
        {
            if (server is not null)
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
        if (workDirectory is not null)
        {
            try
            {
                await PgLocal.DestroyAsync(DataDirectory);
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }
        if (failures.Count > 0) throw new AggregateException("cleaning up the serve fixture failed", failures);
    }

    private static InvalidOperationException NotStarted() => new("`hms serve` is not running (it has not started, or its last start failed)");
}

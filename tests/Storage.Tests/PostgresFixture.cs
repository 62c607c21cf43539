using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Hms.Storage.Tests;

/// <summary>
/// A throwaway PostgreSQL started with src/Silo/Storage/pg-local.sh on a free loopback
/// port in a temp folder, with our schema scripts applied (twice, to prove idempotency).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>Orleans ServiceId used by every cluster in these tests (part of the row key).</summary>
    public const string ServiceId = "hms-storage-tests";

    private static readonly string StorageFolder = Path.Combine(AppContext.BaseDirectory, "Storage");

    /// <summary>Schema scripts in the order they must run.</summary>
    public static readonly string[] SchemaScripts = Hms.Silo.Storage.SchemaInstaller.Scripts;

    private string? _dataDirectory;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("hms-pg-").FullName;
        var port = FreeLoopbackPort();
        await PgLocalAsync("start", _dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "hms",
        }.ConnectionString;

        await ApplySchemaAsync();
        await ApplySchemaAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataDirectory is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await PgLocalAsync("stop", _dataDirectory);
        await PgLocalAsync("destroy", _dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Runs every schema script once, as the silo would on start-up.</summary>
    public async Task ApplySchemaAsync()
    {
        await using var connection = await OpenAsync();
        foreach (var script in SchemaScripts)
        {
            var sql = await File.ReadAllTextAsync(Path.Combine(StorageFolder, script));
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task PgLocalAsync(params string[] args)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(StorageFolder, "pg-local.sh"));
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start bash");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"pg-local.sh {string.Join(' ', args)} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

using Npgsql;

namespace Hms.Silo.Storage;

/// <summary>
/// Installs the grain-storage schema on every start: the scripts are idempotent and take an advisory lock,
/// so an empty database gets everything and a live one is left as it is.
/// </summary>
public static class SchemaInstaller
{
    /// <summary>
    /// In order: the query table every ADO.NET provider reads, the grain state table and queries, the journal and
    /// index, cluster membership and reminders. Membership is installed also for a silo with localhost clustering,
    /// so that a database is ready for a cluster whichever silo first ran on it.
    /// </summary>
    public static readonly string[] Scripts =
        ["PostgreSQL-Main.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Theorems.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Reminders.sql"];

    public static async Task InstallAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var script in Scripts)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Storage", script);
            var sql = await File.ReadAllTextAsync(path, cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

using System.Text;
using Hms.Grains;
using Hms.Grains.Messages;
using Hms.Proving.Proof;
using Npgsql;

namespace Hms.Silo.Storage;

/// <summary>
/// The catalogue in table HmsTheoremIndex (PostgreSQL-Theorems.sql): an upsert writes one row; a page is one
/// keyset query (TheoremId after the last seen, in byte order) served by the index that matches its filter.
/// </summary>
public sealed class PostgresTheoremIndex(NpgsqlDataSource database, string serviceId) : ITheoremIndex
{
    public async Task UpsertAsync(CatalogEntry entry, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO HmsTheoremIndex AS i (ServiceId, TheoremId, Domain, Status, ModifiedOn) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (ServiceId, TheoremId) DO UPDATE SET Domain = EXCLUDED.Domain, Status = EXCLUDED.Status, ModifiedOn = now()
            WHERE i.Domain IS DISTINCT FROM EXCLUDED.Domain OR i.Status <> EXCLUDED.Status
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.TheoremId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)NullIfEmpty(entry.Domain) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)entry.Status });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string theoremId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("DELETE FROM HmsTheoremIndex WHERE ServiceId = $1 AND TheoremId = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = theoremId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CatalogPage> ListAsync(int pageSize, string? after, string? domain, TheoremStatus? status,
        CancellationToken cancellationToken = default)
    {
        pageSize = Math.Max(1, pageSize);
        await using var command = database.CreateCommand();
        var sql = new StringBuilder("SELECT TheoremId FROM HmsTheoremIndex WHERE ");
        Filter(command, sql, domain, status);
        if (after is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after });
            sql.Append($" AND TheoremId > ${command.Parameters.Count}");
        }
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize + 1 });
        sql.Append($" ORDER BY TheoremId LIMIT ${command.Parameters.Count}");
        command.CommandText = sql.ToString();
        List<string> ids = [];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        }
        var page = ids.Take(pageSize).ToList();
        return new CatalogPage(page, ids.Count > pageSize ? page[^1] : null);
    }

    public async Task<long> CountAsync(string? domain, TheoremStatus? status, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand();
        var sql = new StringBuilder("SELECT count(*) FROM HmsTheoremIndex WHERE ");
        Filter(command, sql, domain, status);
        command.CommandText = sql.ToString();
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Only the conditions that apply, so the planner picks the index that ends in TheoremId for this filter.</summary>
    private void Filter(NpgsqlCommand command, StringBuilder sql, string? domain, TheoremStatus? status)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        sql.Append("ServiceId = $1");
        if (NullIfEmpty(domain) is { } d)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = d });
            sql.Append($" AND Domain = ${command.Parameters.Count}");
        }
        if (status is { } s)
        {
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)s });
            sql.Append($" AND Status = ${command.Parameters.Count}");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

using Hms.Grains.Journal;
using Hms.Grains.Messages;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace Hms.Silo.Storage;

/// <summary>
/// The journal in table HmsTheoremEvent (PostgreSQL-Theorems.sql): a batch is one INSERT of its rows, each event
/// written once in Orleans' binary form, never updated.
/// </summary>
public sealed class PostgresTheoremJournal(NpgsqlDataSource database, string serviceId, Serializer serializer) : ITheoremJournal
{
    public async Task AppendAsync(string theoremId, IReadOnlyList<ProgressEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        await using var command = database.CreateCommand("""
            INSERT INTO HmsTheoremEvent (ServiceId, TheoremId, Sequence, Kind, Payload)
            SELECT $1, $2, e.Sequence, e.Kind, e.Payload FROM unnest($3::bigint[], $4::smallint[], $5::bytea[]) AS e(Sequence, Kind, Payload)
            ON CONFLICT (ServiceId, TheoremId, Sequence) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = theoremId });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. events.Select(e => e.Sequence)] });
        command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. events.Select(e => (short)e.Kind)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>
        {
            TypedValue = [.. events.Select(e => serializer.SerializeToArray(e))], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea,
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProgressEvent>> ReadAsync(string theoremId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            SELECT Payload FROM HmsTheoremEvent
            WHERE ServiceId = $1 AND TheoremId = $2 AND Sequence > $3
            ORDER BY Sequence LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = theoremId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<ProgressEvent> events = [];
        while (await reader.ReadAsync(cancellationToken))
            events.Add(serializer.Deserialize<ProgressEvent>(reader.GetFieldValue<byte[]>(0))
                ?? throw new InvalidDataException($"theorem {theoremId}: a journal row of HmsTheoremEvent holds no event"));
        return events;
    }

    public async Task DeleteAsync(string theoremId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("DELETE FROM HmsTheoremEvent WHERE ServiceId = $1 AND TheoremId = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = theoremId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

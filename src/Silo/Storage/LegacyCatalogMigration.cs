using Npgsql;

namespace Hms.Silo.Storage;

/// <summary>
/// Stored theorems that the catalogue table does not list: those from before the table existed (their catalogue
/// was one grain's state, row 'catalog'), or a crash between storing a theorem and listing it. Found by their grain
/// state rows, so the start-up can activate them (which writes their row and moves them to the journal layout).
/// Once none is left it finds nothing: it runs on every start and is idempotent.
/// </summary>
public sealed class LegacyCatalogMigration(NpgsqlDataSource database, string serviceId)
{
    /// <summary>The state name of the theorem grain, which the ADO.NET provider stores as GrainTypeString.</summary>
    private const string TheoremState = "theorem";

    /// <summary>The state name of the former catalogue grain: one row holding every entry, no longer read.</summary>
    private const string CatalogState = "catalog";

    public async Task<IReadOnlyList<string>> UnlistedTheoremsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"""
            SELECT s.GrainIdExtensionString FROM HmsGrainState AS s
            WHERE s.ServiceId = $1 AND s.GrainTypeString = '{TheoremState}' AND s.PayloadBinary IS NOT NULL
              AND s.GrainIdExtensionString IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM HmsTheoremIndex AS i WHERE i.ServiceId = s.ServiceId AND i.TheoremId = s.GrainIdExtensionString)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<string> ids = [];
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Drops the former catalogue grain's row, once every theorem it listed is in the table.</summary>
    public async Task<int> DropLegacyCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"DELETE FROM HmsGrainState WHERE ServiceId = $1 AND GrainTypeString = '{CatalogState}'");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

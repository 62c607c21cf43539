namespace Hms.Silo.Hosting;

public enum StorageKind
{
    /// <summary>Grain state in memory: for tests and the embedded `hms prove`.</summary>
    Memory,

    /// <summary>Grain state in PostgreSQL through Orleans' ADO.NET provider: for `hms serve`.</summary>
    Postgres,
}

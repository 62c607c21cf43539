using Hms.Proving.Solvers;

namespace Hms.Silo.Hosting;

/// <summary>How a silo keeps state and runs solvers. Connection strings come from configuration, never code.</summary>
public sealed class HmsSiloOptions
{
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Npgsql connection string, required with <see cref="StorageKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; set; }

    public SolverPoolOptions Solvers { get; set; } = new();
}

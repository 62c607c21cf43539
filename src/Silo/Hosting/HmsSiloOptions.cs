using Hms.Proving.Solvers;

namespace Hms.Silo.Hosting;

/// <summary>How a silo keeps state and runs solvers. Connection strings come from configuration, never code.</summary>
public sealed class HmsSiloOptions
{
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Npgsql connection string, required with <see cref="StorageKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>How the silos find each other; with PostgreSQL membership, stream subscriptions are stored in PostgreSQL too.</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    public SolverPoolOptions Solvers { get; set; } = new();

    /// <summary>
    /// Run the Python bridge (and with it the genetic counterexample search) on this silo. Without it, or when
    /// libpython is missing, theorems are proved by the solvers alone.
    /// </summary>
    public bool Python { get; set; } = true;
}

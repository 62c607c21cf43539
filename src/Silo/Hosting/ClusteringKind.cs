namespace Hms.Silo.Hosting;

/// <summary>How silos find each other (`hms serve --clustering`).</summary>
public enum ClusteringKind
{
    /// <summary>One silo, its own primary: Orleans' development membership, nothing stored.</summary>
    Localhost,

    /// <summary>Membership in PostgreSQL (Orleans' ADO.NET clustering, PostgreSQL-Clustering.sql): several silos form one cluster.</summary>
    Postgres,
}

namespace Hms.Silo.Hosting;

/// <summary>How `hms serve` (or the container) runs: where it listens and where state lives.</summary>
public sealed record ServerSettings
{
    public const int DefaultPort = 5000;

    /// <summary>Port of the gRPC endpoint (HTTP/2 without TLS).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// The address the gRPC endpoint and the silo bind to and the silo advertises to its peers (`--host`);
    /// 127.0.0.1 by default. 0.0.0.0 binds every interface and advertises the host's own address.
    /// </summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>Localhost (one silo) unless several silos share PostgreSQL membership.</summary>
    public ClusteringKind Clustering { get; init; } = ClusteringKind.Localhost;

    public StorageKind Storage { get; init; } = StorageKind.Postgres;

    /// <summary>An existing database; when null with PostgreSQL storage, a local cluster under <see cref="DataDirectory"/> is started.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Where the local PostgreSQL cluster lives.</summary>
    public string DataDirectory { get; init; } = ".hms/postgres";

    /// <summary>Port of the local PostgreSQL cluster.</summary>
    public int LocalPostgresPort { get; init; } = 55432;

    /// <summary>Orleans silo-to-silo and client gateway ports, on <see cref="ListenAddress"/>.</summary>
    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public const int DefaultMcpPort = 5002;

    /// <summary>Port of the MCP endpoint for AI agents (Streamable HTTP, HTTP/1.1, path /mcp); null: none.</summary>
    public int? McpPort { get; init; }

    public const int DefaultWebPort = 5001;

    /// <summary>Port of the web page and its JSON API (HTTP/1.1, loopback only); null: none.</summary>
    public int? WebPort { get; init; }

    public const int DefaultMetricsPort = 5003;

    /// <summary>Port of the Prometheus scrape endpoint /metrics (HTTP/1.1, loopback only); null: none.</summary>
    public int? MetricsPort { get; init; }

    public const int DefaultDashboardPort = 5004;

    /// <summary>Port of the Orleans Dashboard at /dashboard/ (HTTP/1.1, loopback only); null: none.</summary>
    public int? DashboardPort { get; init; }
}

using System.CommandLine;
using Hms.Silo.Hosting;

namespace Hms.Cli.Commands;

/// <summary>`hms serve`: the silo and the gRPC frontend in this process, until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "gRPC port on --host (h2c)", DefaultValueFactory = _ => ServerSettings.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address the silo and the gRPC endpoint bind to and advertise (0.0.0.0: every interface)", DefaultValueFactory = _ => new ServerSettings().ListenAddress };
        var clustering = new Option<string>("--clustering") { Description = "localhost (default, one silo) or postgres (several silos on one PostgreSQL form a cluster)", DefaultValueFactory = _ => "localhost" };
        var storage = new Option<string>("--storage") { Description = "postgres (default) or memory", DefaultValueFactory = _ => "postgres" };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string; without it a local PostgreSQL cluster is started under .hms/postgres" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of the local PostgreSQL cluster (default .hms/postgres)" };
        var siloPort = new Option<int>("--silo-port") { Description = "Orleans silo-to-silo port", DefaultValueFactory = _ => new ServerSettings().SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Orleans client gateway port", DefaultValueFactory = _ => new ServerSettings().GatewayPort };
        var postgresPort = new Option<int>("--postgres-port") { Description = "Port of the local PostgreSQL cluster", DefaultValueFactory = _ => new ServerSettings().LocalPostgresPort };
        var mcp = new Option<bool>("--mcp") { Description = "Also serve MCP for AI agents (Streamable HTTP on 127.0.0.1, path /mcp)" };
        var mcpPort = new Option<int>("--mcp-port") { Description = "Port of the MCP endpoint (with --mcp)", DefaultValueFactory = _ => ServerSettings.DefaultMcpPort };
        var web = new Option<bool>("--web") { Description = "Also serve the web page (HTTP on 127.0.0.1, path /)" };
        var webPort = new Option<int>("--web-port") { Description = "Port of the web page (with --web)", DefaultValueFactory = _ => ServerSettings.DefaultWebPort };
        var metricsPort = new Option<int?>("--metrics-port") { Description = $"Also serve Prometheus metrics at http://127.0.0.1:PORT/metrics (e.g. {ServerSettings.DefaultMetricsPort})" };
        var dashboard = new Option<int?>("--dashboard")
        {
            Description = $"Also serve the Orleans Dashboard at http://127.0.0.1:PORT/dashboard/ (default port {ServerSettings.DefaultDashboardPort})",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("serve", "Run the prover service: Orleans silo and gRPC frontend")
        {
            port, host, clustering, storage, postgres, dataDir, siloPort, gatewayPort, postgresPort, mcp, mcpPort, web, webPort,
            metricsPort, dashboard,
        };
        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(storage)?.ToLowerInvariant() switch
            {
                "postgres" => StorageKind.Postgres,
                "memory" => StorageKind.Memory,
                var other => (StorageKind?)null,
            };
            if (kind is null)
            {
                Console.Error.WriteLine($"hms: unknown storage '{parse.GetValue(storage)}' (expected postgres or memory)");
                return 2;
            }
            var cluster = parse.GetValue(clustering)?.ToLowerInvariant() switch
            {
                "localhost" => ClusteringKind.Localhost,
                "postgres" => ClusteringKind.Postgres,
                var other => (ClusteringKind?)null,
            };
            if (cluster is null)
            {
                Console.Error.WriteLine($"hms: unknown clustering '{parse.GetValue(clustering)}' (expected localhost or postgres)");
                return 2;
            }
            if (cluster == ClusteringKind.Postgres && kind == StorageKind.Memory)
            {
                // Memory state, journal and catalogue are each silo's own: a second silo would not see the first's theorems.
                Console.Error.WriteLine("hms: --clustering postgres keeps its state in PostgreSQL; --storage memory is for one silo (--clustering localhost)");
                return 2;
            }
            var address = parse.GetValue(host) ?? "";
            if (!System.Net.IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                Console.Error.WriteLine($"hms: --host '{address}' is not an IPv4 address (e.g. 127.0.0.2, or 0.0.0.0 for every interface)");
                return 2;
            }
            foreach (var option in new[] { port, siloPort, gatewayPort, postgresPort, mcpPort, webPort })
            {
                if (parse.GetValue(option) is < 1 or > 65535)
                {
                    Console.Error.WriteLine($"hms: {option.Name} must be between 1 and 65535");
                    return 2;
                }
            }
            // --dashboard alone takes the default port; --dashboard N that one.
            int? dashboardPort = parse.GetResult(dashboard) is null ? null : parse.GetValue(dashboard) ?? ServerSettings.DefaultDashboardPort;
            foreach (var (name, value) in new[] { (metricsPort.Name, parse.GetValue(metricsPort)), (dashboard.Name, dashboardPort) })
            {
                if (value is < 1 or > 65535)
                {
                    Console.Error.WriteLine($"hms: {name} must be between 1 and 65535");
                    return 2;
                }
            }
            var settings = new ServerSettings
            {
                Port = parse.GetValue(port),
                ListenAddress = parsed.ToString(),
                Clustering = cluster.Value,
                Storage = kind.Value,
                PostgresConnectionString = parse.GetValue(postgres),
                DataDirectory = parse.GetValue(dataDir) ?? Path.Combine(Environment.GetEnvironmentVariable("HMS_STATE_DIR") ?? ".hms", "postgres"),
                SiloPort = parse.GetValue(siloPort),
                GatewayPort = parse.GetValue(gatewayPort),
                LocalPostgresPort = parse.GetValue(postgresPort),
                McpPort = parse.GetValue(mcp) ? parse.GetValue(mcpPort) : null,
                WebPort = parse.GetValue(web) ? parse.GetValue(webPort) : null,
                MetricsPort = parse.GetValue(metricsPort),
                DashboardPort = dashboardPort,
            };
            Console.Error.WriteLine($"hms: serving gRPC on http://{settings.ListenAddress}:{settings.Port} ({settings.Storage} storage, {settings.Clustering} clustering, silo port {settings.SiloPort}); Ctrl-C stops");
            if (settings.McpPort is { } p) Console.Error.WriteLine($"hms: serving MCP on http://127.0.0.1:{p}/mcp");
            if (settings.WebPort is { } w) Console.Error.WriteLine($"hms: serving the web page on http://127.0.0.1:{w}/");
            if (settings.MetricsPort is { } m) Console.Error.WriteLine($"hms: serving Prometheus metrics on http://127.0.0.1:{m}/metrics");
            if (settings.DashboardPort is { } d) Console.Error.WriteLine($"hms: serving the Orleans Dashboard on http://127.0.0.1:{d}/dashboard/");
            await HmsServer.RunAsync(settings, [], ct);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Hms.Agents;
using Hms.Agents.Hosting;
using Hms.Cli.Backends;
using Hms.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hms.Cli.Commands;

/// <summary>
/// `hms mcp`: an MCP server on stdin/stdout for AI agents that start their tools as processes. Without
/// --server it runs its own silo (memory storage, as `hms prove` does); with it, it relays to the MCP
/// endpoint of a running `hms serve --mcp`.
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = "MCP endpoint of a running `hms serve --mcp`, e.g. http://127.0.0.1:5002/mcp" };
        var command = new Command("mcp", "Serve MCP over stdio: an in-process silo, or a relay to --server") { server };
        command.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(server);
            if (url is null)
            {
                await RunEmbeddedAsync(ct);
                return 0;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                Console.Error.WriteLine($"hms: --server must be an http(s) URL, not '{url}'");
                return 2;
            }

            using var loggers = LoggerFactory.Create(StderrOnly);
            await McpRelay.RunAsync(endpoint, loggers, ct);
            return 0;
        });
        return command;
    }

    private static async Task RunEmbeddedAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        StderrOnly(builder.Logging);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort.Next(), FreePort.Next())
            .AddHmsSilo(new HmsSiloOptions()));
        builder.Services.AddHmsAgents().WithStdioServerTransport();
        using var host = builder.Build();
        // The stdio session's end (stdin closed) stops the host.
        await host.RunAsync(cancellationToken);
    }

    /// <summary>stdout carries MCP messages and nothing else: every log line goes to stderr, errors only.</summary>
    private static void StderrOnly(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Error);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}

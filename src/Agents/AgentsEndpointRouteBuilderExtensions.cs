using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hms.Agents;

public static class AgentsEndpointRouteBuilderExtensions
{
    public const string Path = "/mcp";

    /// <summary>
    /// Maps the Streamable HTTP endpoint at <see cref="Path"/>, answering only requests addressed to the
    /// loopback names on <paramref name="port"/>: a web page whose name was rebound to 127.0.0.1 sends its
    /// own host name and gets 404, and the gRPC port does not serve MCP.
    /// </summary>
    public static IEndpointConventionBuilder MapHmsAgents(this IEndpointRouteBuilder app, int port) =>
        app.MapMcp(Path).RequireHost($"127.0.0.1:{port}", $"localhost:{port}");
}

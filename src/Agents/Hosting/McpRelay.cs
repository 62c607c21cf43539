using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hms.Agents.Hosting;

/// <summary>
/// `hms mcp --server URL`: passes MCP messages between this process's stdio and a running server's
/// Streamable HTTP endpoint, one to one. The tools run on the server, so there is one implementation of them.
/// </summary>
public static class McpRelay
{
    public static async Task RunAsync(Uri endpoint, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        await using var client = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            Name = "hms",
            TransportMode = HttpTransportMode.StreamableHttp,
        }, loggers);
        await using var server = await client.ConnectAsync(cancellationToken);
        await using var stdio = new StdioServerTransport("hms", loggers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var upstream = ForwardAsync(stdio, server, endpoint, stop.Token);
        var downstream = ForwardAsync(server, stdio, endpoint: null, stop.Token);
        // Either side closing (the agent closed stdin, the server went away) ends the relay.
        await Task.WhenAny(upstream, downstream);
        await stop.CancelAsync();
        await Task.WhenAll(upstream, downstream);
    }

    /// <param name="endpoint">Set when sending to the server: a request it cannot be sent gets an error answer.</param>
    private static async Task ForwardAsync(ITransport from, ITransport to, Uri? endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in from.MessageReader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await to.SendMessageAsync(message, cancellationToken);
                }
                catch (HttpRequestException e) when (endpoint is not null && message is JsonRpcRequest request)
                {
                    await from.SendMessageAsync(new JsonRpcError
                    {
                        Id = request.Id,
                        Error = new JsonRpcErrorDetail
                        {
                            Code = (int)McpErrorCode.InternalError,
                            Message = $"the HMS server at {endpoint} did not answer: {e.Message}",
                        },
                    }, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The other direction ended first.
        }
    }
}

using System.Globalization;
using Hms.Service.Tests.Hosting;
using ModelContextProtocol.Client;

namespace Hms.Agents.Tests.Hosting;

/// <summary>
/// One `hms serve --storage memory --mcp` process on free loopback ports, shared by a collection, and an MCP
/// client of its Streamable HTTP endpoint.
/// </summary>
public sealed class McpServeFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private ChildProcess? process;
    private string? stateDirectory;

    public int McpPort { get; } = Ports.Free();

    public Uri Endpoint => new($"http://127.0.0.1:{McpPort}/mcp");

    public McpClient Client { get; private set; } = null!;

    /// <summary>The server's output so far, for failure messages.</summary>
    public string Log => process?.Tail(60) ?? "";

    public async Task InitializeAsync()
    {
        stateDirectory = Directory.CreateTempSubdirectory("hms-agents-tests-").FullName;
        string[] arguments =
        [
            Repo.HmsDll, "serve", "--storage", "memory", "--mcp",
            "--mcp-port", Text(McpPort), "--port", Text(Ports.Free()),
            "--silo-port", Text(Ports.Free()), "--gateway-port", Text(Ports.Free()),
        ];
        process = ChildProcess.Start("dotnet", arguments, stateDirectory,
            new Dictionary<string, string> { ["HMS_STATE_DIR"] = stateDirectory });
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await Ports.WaitUntilAcceptingAsync(McpPort, process.Exited, timeout.Token);
            Client = await McpClient.CreateAsync(
                new HttpClientTransport(new HttpClientTransportOptions { Endpoint = Endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
                cancellationToken: timeout.Token);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"`hms serve --mcp` did not come up ({e.Message})\n{process.Tail()}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Client is not null) await Client.DisposeAsync();
        if (process is not null)
        {
            process.Terminate();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            process.Dispose();
        }
        if (stateDirectory is not null) Directory.Delete(stateDirectory, recursive: true);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

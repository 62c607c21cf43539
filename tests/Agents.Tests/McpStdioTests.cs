using Hms.Agents.Tests.Hosting;
using Hms.Service.Tests.Hosting;
using ModelContextProtocol.Client;

namespace Hms.Agents.Tests;

/// <summary>The SDK's MCP client starting `hms mcp` as a process, as agent hosts start stdio servers.</summary>
[Collection(McpServeCollection.Name)]
public sealed class McpStdioTests(McpServeFixture server)
{
    [Fact]
    public async Task Hms_mcp_with_its_own_silo_disproves_a_false_theorem_and_reports_a_bad_one()
    {
        await using var client = await StartAsync([]);
        var disproved = (await client.CallAsync("prove_theorem", new
        {
            statement = "t / s >= 0",
            assumptions = new[] { "t >= 0" },
        })).Structured();
        Assert.Equal("DISPROVED", disproved.GetProperty("verdict").GetString());
        Assert.True(disproved.GetProperty("counterexample").GetProperty("validated").GetBoolean());

        var bad = await client.CallAsync("prove_theorem", new { statement = "t >= (0" });
        Assert.True(bad.IsError);
        Assert.Matches(@"1:\d+", bad.Text());
    }

    [Fact]
    public async Task Hms_mcp_with_server_relays_to_the_running_service_with_progress()
    {
        await using var client = await StartAsync(["--server", server.Endpoint.ToString()]);
        var id = $"agents-relay-{Guid.NewGuid():N}";
        await using var progress = ProgressLog.Follow(client);
        var proved = (await client.CallAsync("prove_theorem", new
        {
            id,
            statement = "g^2 - 2*g + 1 >= 0",
        }, progress)).Structured();
        Assert.Equal("PROVED", proved.GetProperty("verdict").GetString());
        // The relay passes the service's progress notifications on, the completion among them.
        await progress.Completed.WaitAsync(ToolCall.Timeout);
        Assert.Contains(progress.Values, v => v.Message == "submitted");

        // The theorem lives in the service: a client of its HTTP endpoint reads it too.
        var direct = (await server.Client.CallAsync("get_theorem", new { id })).Structured();
        Assert.Equal("PROVED", direct.GetProperty("verdict").GetString());
    }

    private static async Task<McpClient> StartAsync(string[] arguments)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "hms",
            Command = "dotnet",
            Arguments = [Repo.HmsDll, "mcp", .. arguments],
            WorkingDirectory = Repo.Root,
        });
        using var timeout = new CancellationTokenSource(ToolCall.Timeout);
        return await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
    }
}

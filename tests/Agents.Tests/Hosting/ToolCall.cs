using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hms.Agents.Tests.Hosting;

/// <summary>Calls a tool as an agent would and reads the answer: structured content, or the error text.</summary>
public static class ToolCall
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object arguments,
        ProgressLog? progress = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var values = JsonSerializer.SerializeToElement(arguments, McpJsonUtilities.DefaultOptions)
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var request = new CallToolRequestParams { Name = tool, Arguments = values };
        // RequestParams.ProgressToken is read-only: the token travels in _meta, as the protocol puts it.
        if (progress is not null) request.Meta = new JsonObject { ["progressToken"] = progress.Token.ToString() };
        return await client.CallToolAsync(request, timeout.Token);
    }

    /// <summary>The structured content of a successful call; fails the test with the error text otherwise.</summary>
    public static JsonElement Structured(this CallToolResult result)
    {
        Assert.True(result.IsError != true, $"tool error: {result.Text()}");
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent.Value;
    }

    public static string Text(this CallToolResult result) =>
        string.Join('\n', result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}

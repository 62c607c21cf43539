using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hms.Agents.Tests.Hosting;

/// <summary>Calls a tool as an agent would and reads the answer: structured content, or the error text.</summary>
public static class ToolCall
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object arguments,
        IProgress<ProgressNotificationValue>? progress = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var values = JsonSerializer.SerializeToElement(arguments, McpJsonUtilities.DefaultOptions)
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        return await client.CallToolAsync(tool, values, progress, cancellationToken: timeout.Token);
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

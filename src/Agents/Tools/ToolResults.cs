using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Hms.Agents.Tools;

/// <summary>
/// Tool answers. A refused input is a result with isError and the reason as text, never a protocol error, so
/// the model sees what to fix; a report is structured content plus the same JSON as text for older clients.
/// </summary>
internal static class ToolResults
{
    // The output schemas list every property as required (null where there is none), so nulls are written.
    private static readonly JsonSerializerOptions Json = new(McpJsonUtilities.DefaultOptions)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static CallToolResult Report<T>(T report)
    {
        var json = JsonSerializer.SerializeToElement(report, Json);
        return new CallToolResult
        {
            StructuredContent = json,
            Content = [new TextContentBlock { Text = json.GetRawText() }],
        };
    }

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}

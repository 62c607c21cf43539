using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hms.Agents.Tests.Hosting;

/// <summary>
/// The progress notifications sent for one progress token, and an event for the one that reports completion.
/// </summary>
/// <remarks>
/// Listens on the whole session rather than through CallToolAsync's IProgress: the SDK handles each incoming
/// message on a task of its own and removes a call's progress handler when the call's result arrives, so a
/// notification sent just before the result (the completion, typically) was sometimes dropped on the client.
/// This listener lives until it is disposed, after the test has awaited what it expects.
/// </remarks>
public sealed class ProgressLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<ProgressNotificationValue> values = new();
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IAsyncDisposable registration;

    private ProgressLog(McpClient client)
    {
        registration = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            var progress = notification.Params?.Deserialize<ProgressNotificationParams>(McpJsonUtilities.DefaultOptions);
            if (progress is not null && progress.ProgressToken.ToString() == Token.ToString()) Report(progress.Progress);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Starts listening on the client's session for notifications carrying a fresh token.</summary>
    public static ProgressLog Follow(McpClient client) => new(client);

    /// <summary>The token to send with the call.</summary>
    public ProgressToken Token { get; } = new($"test-{Guid.NewGuid():N}");

    /// <summary>In arrival order, which need not be the order they were sent in (see the remarks).</summary>
    public IReadOnlyList<ProgressNotificationValue> Values => [.. values];

    /// <summary>Completes when the notification for the theorem's completion event has arrived.</summary>
    public Task Completed => completed.Task;

    private void Report(ProgressNotificationValue value)
    {
        values.Enqueue(value);
        if (value.Message?.StartsWith("completed:", StringComparison.Ordinal) == true) completed.TrySetResult();
    }

    public ValueTask DisposeAsync() => registration.DisposeAsync();
}

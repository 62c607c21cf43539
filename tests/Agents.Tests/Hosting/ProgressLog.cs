using System.Collections.Concurrent;
using ModelContextProtocol;

namespace Hms.Agents.Tests.Hosting;

/// <summary>The progress notifications of one call, and an event for the one that reports completion.</summary>
public sealed class ProgressLog : IProgress<ProgressNotificationValue>
{
    private readonly ConcurrentQueue<ProgressNotificationValue> values = new();
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ProgressNotificationValue> Values => [.. values];

    /// <summary>Completes when the notification for the theorem's completion event has arrived.</summary>
    public Task Completed => completed.Task;

    public void Report(ProgressNotificationValue value)
    {
        values.Enqueue(value);
        if (value.Message?.StartsWith("completed:", StringComparison.Ordinal) == true) completed.TrySetResult();
    }
}

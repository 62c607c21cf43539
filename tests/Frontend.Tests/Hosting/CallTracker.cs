using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>
/// Middleware of the test host that tells a test when the server is done with a request (a client's deadline
/// ends the client's side first), so the test awaits the server instead of sleeping. Requests are named by
/// the <see cref="Header"/> header; gRPC completes the HTTP request only once the service method has returned.
/// </summary>
public sealed class CallTracker
{
    public const string Header = "x-test-call";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> ended = new(StringComparer.Ordinal);

    public async Task TrackAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Request.Headers.TryGetValue(Header, out var name)) Ended(name.ToString()).TrySetResult();
        }
    }

    /// <summary>Completes when the request named <paramref name="name"/> has been served to its end.</summary>
    public Task EndedAsync(string name, CancellationToken cancellationToken) => Ended(name).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource Ended(string name) =>
        ended.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

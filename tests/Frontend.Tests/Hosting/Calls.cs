using Grpc.Core;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>Call helpers: every call has a deadline, so a broken server fails a test instead of hanging it.</summary>
public static class Calls
{
    public static DateTime Deadline(int seconds = 60) => DateTime.UtcNow.AddSeconds(seconds);

    /// <summary>Every event of a watch, up to the end of the stream (after the completion event).</summary>
    public static async Task<List<ProveTheoremProgress>> WatchToEndAsync(this TheoremProver.TheoremProverClient client,
        string id, long afterSequence = 0)
    {
        using var call = client.WatchTheorem(new WatchTheoremRequest { Id = id, AfterSequence = afterSequence },
            deadline: Deadline());
        var events = new List<ProveTheoremProgress>();
        await foreach (var e in call.ResponseStream.ReadAllAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(call);
        return failure.StatusCode;
    }
}

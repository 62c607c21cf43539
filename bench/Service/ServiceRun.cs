using System.Diagnostics;
using Grpc.Core;
using Hms.Frontend.V1;

namespace Hms.Service.Bench;

/// <summary>
/// Drives theorems through a running service, <c>concurrency</c> in flight at once: SubmitTheorem, then
/// WatchTheorem from the first event to Completed. Submit→verdict is the client's time from the submit call to
/// reading the Completed event.
/// </summary>
internal static class ServiceRun
{
    /// <summary>A theorem with no verdict after this long counts as a failure, so a lost event cannot hang the run.</summary>
    private static readonly TimeSpan PerTheoremLimit = TimeSpan.FromSeconds(120);

    public static async Task<(TimeSpan Wall, List<TheoremTiming> Timings, List<string> Failures)> RunAsync(
        TheoremProver.TheoremProverClient client, IReadOnlyList<(string Id, int K)> theorems, int concurrency, string strategy,
        int timeoutSeconds, CancellationToken cancellationToken)
    {
        var timings = new TheoremTiming?[theorems.Count];
        var failures = new List<string>();
        var wall = await ClosedLoop.RunAsync(theorems.Count, concurrency, async i =>
        {
            try
            {
                timings[i] = await OneAsync(client, theorems[i].Id, theorems[i].K, strategy, timeoutSeconds, cancellationToken);
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lock (failures) failures.Add($"{theorems[i].Id}: {e.Message}");
            }
        });
        var done = timings.OfType<TheoremTiming>().ToList();
        failures.AddRange(done.Where(t => t.Status != "THEOREM_STATUS_PROVED").Select(t => $"a theorem ended {t.Status}, not PROVED"));
        return (wall, done, failures);
    }

    public static async Task<TheoremTiming> OneAsync(TheoremProver.TheoremProverClient client, string id, int k, string strategy,
        int timeoutSeconds, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(PerTheoremLimit);
        var request = new SubmitTheoremRequest { Theorem = BenchTheorems.ToWire(id, k), Options = new ProveOptions { TimeoutSeconds = timeoutSeconds } };
        request.Options.Strategies.Add(strategy);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await client.SubmitTheoremAsync(request, cancellationToken: limit.Token);
        var submitMs = clock.Elapsed.TotalMilliseconds;

        DateTimeOffset? submitted = null, decomposed = null, lastFinished = null, completed = null;
        var started = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        double queueWait = 0, solver = 0;
        var status = "no verdict";
        double verdictMs = double.NaN;
        DateTimeOffset readAt = default;
        using var watch = client.WatchTheorem(new WatchTheoremRequest { Id = id }, cancellationToken: limit.Token);
        await foreach (var e in watch.ResponseStream.ReadAllAsync(limit.Token))
        {
            var at = e.Timestamp.ToDateTimeOffset();
            switch (e.Kind)
            {
                case ProgressKind.Submitted:
                    submitted = at;
                    break;
                case ProgressKind.Decomposed:
                    decomposed = at;
                    break;
                case ProgressKind.ObligationStarted:
                    started[e.ObligationId] = at;
                    break;
                case ProgressKind.ObligationFinished:
                    lastFinished = lastFinished is { } f && f > at ? f : at;
                    solver += e.ElapsedMs;
                    // A cached answer has no start: it waited for nothing.
                    if (started.TryGetValue(e.ObligationId, out var s)) queueWait += Math.Max(0, (at - s).TotalMilliseconds - e.ElapsedMs);
                    break;
                case ProgressKind.Completed:
                    completed = at;
                    status = e.TheoremStatus.ToString();
                    break;
            }
            if (e.Kind == ProgressKind.Completed)
            {
                verdictMs = clock.Elapsed.TotalMilliseconds;
                readAt = DateTimeOffset.UtcNow;
                break;
            }
        }
        if (completed is null) throw new RpcException(new Status(StatusCode.Internal, "the watch ended without a Completed event"));
        double Span(DateTimeOffset? from, DateTimeOffset? to) => from is { } a && to is { } b ? Math.Max(0, (b - a).TotalMilliseconds) : double.NaN;
        // Status names as the proto spells them (THEOREM_STATUS_PROVED), the same for every level.
        status = status switch { "Proved" => "THEOREM_STATUS_PROVED", _ => "THEOREM_STATUS_" + status.ToUpperInvariant() };
        return new TheoremTiming(submitMs, verdictMs, status,
            Span(startedAt, submitted), Span(submitted, decomposed), queueWait, solver,
            Span(lastFinished ?? decomposed, completed), Span(completed, readAt));
    }
}

using System.Diagnostics;
using Grpc.Core;
using Hms.Frontend.V1;

namespace Hms.Service.Bench;

/// <summary>Already-proved theorems asked again with ProveTheorem: the service answers from the stored verdict.</summary>
internal static class CacheRun
{
    public static async Task<(TimeSpan Wall, List<double> CallMs, List<string> Failures)> RunAsync(TheoremProver.TheoremProverClient client,
        IReadOnlyList<(string Id, int K)> theorems, int concurrency, CancellationToken cancellationToken)
    {
        var times = new double[theorems.Count];
        var failures = new List<string>();
        var wall = await ClosedLoop.RunAsync(theorems.Count, concurrency, async i =>
        {
            // The same document as the first time: the service finds it unchanged and answers with its verdict.
            var request = new ProveTheoremRequest { Theorem = BenchTheorems.ToWire(theorems[i].Id, theorems[i].K) };
            var clock = Stopwatch.StartNew();
            try
            {
                var reply = await client.ProveTheoremAsync(request, deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
                times[i] = clock.Elapsed.TotalMilliseconds;
                if (reply.Theorem.Status != TheoremStatus.Proved) lock (failures) failures.Add($"{theorems[i].Id}: {reply.Theorem.Status}");
            }
            catch (RpcException e)
            {
                lock (failures) failures.Add($"{theorems[i].Id}: {e.Status.StatusCode} {e.Status.Detail}");
            }
        });
        return (wall, [.. times], failures);
    }
}

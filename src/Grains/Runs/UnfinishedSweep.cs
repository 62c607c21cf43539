using Microsoft.Extensions.Logging;

namespace Hms.Grains.Runs;

/// <summary>
/// Asks every unfinished theorem to resume: each restarts only a run that has no live owner (the grain
/// decides, <see cref="ITheoremGrain.ResumeAsync"/>), so a sweep by any silo at any time restarts nothing alive.
/// </summary>
public static class UnfinishedSweep
{
    private const int PageSize = 500;
    private const int InParallel = 16;

    public static async Task<int> RunAsync(IGrainFactory grains, ITheoremIndex index, ILogger logger, CancellationToken cancellationToken)
    {
        // All ids first: a resumed theorem changes status, which would move it between the pages.
        List<string> unfinished = [];
        foreach (var status in new[] { Proving.Proof.TheoremStatus.Pending, Proving.Proof.TheoremStatus.Running })
        {
            string? after = null;
            do
            {
                var page = await index.ListAsync(PageSize, after, null, status, cancellationToken);
                unfinished.AddRange(page.TheoremIds);
                after = page.NextAfter;
            } while (after is not null);
        }
        var failed = 0;
        await Parallel.ForEachAsync(unfinished, new ParallelOptions { MaxDegreeOfParallelism = InParallel, CancellationToken = cancellationToken },
            async (id, _) =>
            {
                try
                {
                    await grains.GetGrain<ITheoremGrain>(id).ResumeAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    logger.LogError(e, "Could not resume theorem {TheoremId}", id);
                }
            });
        return unfinished.Count - failed;
    }
}

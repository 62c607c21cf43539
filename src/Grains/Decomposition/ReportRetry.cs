using Microsoft.Extensions.Logging;

namespace Hms.Grains.Decomposition;

/// <summary>
/// Calls from a running proof to its theorem grain. One that fails for the cluster's sake (a call timing out,
/// a grain that cannot activate while storage is down) is tried again with growing waits: a transient fault
/// must neither lose a verdict nor become one. Bounded, so a grain that keeps failing ends the run at last.
/// </summary>
internal sealed class ReportRetry(TimeProvider clock, ILogger logger, string theoremId, CancellationToken stop)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>About five minutes of trying at the longest wait.</summary>
    private const int MaxAttempts = 64;

    public async Task<T> CallAsync<T>(Func<Task<T>> call, string what)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < MaxAttempts && !stop.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reporting {What} of {TheoremId} failed (attempt {Attempt}); retrying in {Delay}", what, theoremId, attempt, delay);
                await Task.Delay(delay, clock, stop);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task CallAsync(Func<Task> call, string what) => CallAsync(async () =>
    {
        await call();
        return true;
    }, what);
}

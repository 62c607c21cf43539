using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Hms.Grains.Storage;

/// <summary>
/// Writes one grain's state through transient storage faults (a PostgreSQL restart): a few quick retries
/// within the call, then the state stays in memory, marked unwritten, and a grain timer writes it once
/// storage answers again. A fault of the storage is never a fact about a theorem, so callers go on as if
/// written; what they read meanwhile comes from this activation's memory, which is the truth.
/// </summary>
internal sealed class StateWriter<T>(IPersistentState<T> state, IGrainBase grain, TimeProvider clock, ILogger logger)
{
    /// <summary>Waits before the retries within one call: short, so a call stays far inside Orleans' 30 s response timeout.</summary>
    private static readonly TimeSpan[] InCallBackoff = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    /// <summary>How often an unwritten state is tried again in the background: doubling up to the last value.</summary>
    private static readonly TimeSpan FirstFlushDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxFlushDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? flush;
    private TimeSpan flushDelay = FirstFlushDelay;

    /// <summary>Work to redo once the state is written (e.g. telling the catalog), run by the flush in order.</summary>
    private Func<Task>? afterWrite;

    /// <summary>True while the stored state is behind the state in memory.</summary>
    public bool IsBehind { get; private set; }

    /// <summary>
    /// Writes the state; false when storage is failing, in which case the write is retried in the background.
    /// Once storage has failed, a call tries only once: retries of every call would stall the grain.
    /// </summary>
    public async Task<bool> WriteAsync()
    {
        var retries = IsBehind ? 0 : InCallBackoff.Length;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteOnceAsync();
                Written();
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= retries)
                {
                    if (!IsBehind) logger.LogWarning(e, "Storage of {Grain} failed; the state is kept in memory and written when storage is back", grain.GrainContext.GrainId);
                    IsBehind = true;
                    ScheduleFlush();
                    return false;
                }
                await Task.Delay(InCallBackoff[attempt], clock);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> now; when it fails, again after the next successful flush.</summary>
    public async Task RunOrDeferAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{Grain} deferred work after a fault; it is redone once storage is back", grain.GrainContext.GrainId);
            afterWrite = work;
            IsBehind = true;
            ScheduleFlush();
        }
    }

    /// <summary>On deactivation: one last try, so an orderly shutdown loses nothing that storage can take.</summary>
    public async Task FlushOnDeactivationAsync()
    {
        if (!IsBehind) return;
        try
        {
            await WriteOnceAsync();
            if (afterWrite is { } work) await work();
            Written();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Grain} is deactivated with state storage never took", grain.GrainContext.GrainId);
        }
    }

    private async Task WriteOnceAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // An earlier write reached the database but its answer was lost with the connection, so the stored
            // version is newer than the one this activation knows. This single activation's state is the truth:
            // learn the stored version, put the state back and write it again.
            var mine = state.State;
            await state.ReadStateAsync();
            state.State = mine;
            await state.WriteStateAsync();
        }
    }

    private void Written()
    {
        IsBehind = afterWrite is not null;
        if (IsBehind) return;
        flushDelay = FirstFlushDelay;
        flush?.Dispose();
        flush = null;
    }

    private void ScheduleFlush()
    {
        flush?.Dispose();
        flush = grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(flushDelay, Timeout.InfiniteTimeSpan));
        flushDelay = TimeSpan.FromTicks(Math.Min(flushDelay.Ticks * 2, MaxFlushDelay.Ticks));
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteOnceAsync();
            if (afterWrite is { } work)
            {
                await work();
                afterWrite = null;
            }
            logger.LogInformation("Storage of {Grain} is back; its state is written", grain.GrainContext.GrainId);
            Written();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ScheduleFlush();
        }
    }
}

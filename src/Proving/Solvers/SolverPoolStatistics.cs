namespace Hms.Proving.Solvers;

/// <summary>Live counters of a <see cref="SolverPool"/>; safe to read from any thread.</summary>
public sealed class SolverPoolStatistics
{
    private long _processesSpawned;
    private long _processesKilled;
    private long _processesDied;
    private long _goalsRun;
    private long _goalsOnWarmProcess;
    private long _goalsTimedOut;
    private long _goalsCancelled;
    private int _running;
    private int _queued;

    public long ProcessesSpawned => Interlocked.Read(ref _processesSpawned);

    /// <summary>Processes the pool stopped: timeouts, cancellations, isolated or option-changing goals, surplus idle, dispose.</summary>
    public long ProcessesKilled => Interlocked.Read(ref _processesKilled);

    /// <summary>Processes that exited on their own (crash, out of memory, killed by someone else).</summary>
    public long ProcessesDied => Interlocked.Read(ref _processesDied);

    /// <summary>Goals that produced a result (any status), cancelled ones excluded.</summary>
    public long GoalsRun => Interlocked.Read(ref _goalsRun);

    /// <summary>Goals that ran on a process kept warm from an earlier goal.</summary>
    public long GoalsOnWarmProcess => Interlocked.Read(ref _goalsOnWarmProcess);

    public long GoalsTimedOut => Interlocked.Read(ref _goalsTimedOut);

    public long GoalsCancelled => Interlocked.Read(ref _goalsCancelled);

    /// <summary>Goals holding a concurrency slot right now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Goals waiting for a slot right now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    internal void ProcessSpawned() => Interlocked.Increment(ref _processesSpawned);
    internal void ProcessKilled() => Interlocked.Increment(ref _processesKilled);
    internal void ProcessDied() => Interlocked.Increment(ref _processesDied);
    internal void GoalRun() => Interlocked.Increment(ref _goalsRun);
    internal void GoalOnWarmProcess() => Interlocked.Increment(ref _goalsOnWarmProcess);
    internal void GoalTimedOut() => Interlocked.Increment(ref _goalsTimedOut);
    internal void GoalCancelled() => Interlocked.Increment(ref _goalsCancelled);
    internal void SetGauges(int running, int queued)
    {
        Volatile.Write(ref _running, running);
        Volatile.Write(ref _queued, queued);
    }

    public override string ToString() =>
        $"spawned {ProcessesSpawned}, killed {ProcessesKilled}, died {ProcessesDied}, goals {GoalsRun} " +
        $"({GoalsOnWarmProcess} warm, {GoalsTimedOut} timed out, {GoalsCancelled} cancelled), running {Running}, queued {Queued}";
}

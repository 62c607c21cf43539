using System.Globalization;
using Hms.Proving.Solvers;

namespace Hms.Interop.Bench;

/// <summary>Counters of <see cref="SolverPoolStatistics"/>, so that what a stretch of the run did can be taken as a difference.</summary>
internal sealed record PoolCounts(long Answered, long OnWarmProcess, long Cancelled, long Spawned, long Killed)
{
    public static PoolCounts Read(SolverPoolStatistics s) => new(s.GoalsRun, s.GoalsOnWarmProcess, s.GoalsCancelled, s.ProcessesSpawned, s.ProcessesKilled);

    public static PoolCounts operator +(PoolCounts a, PoolCounts b) =>
        new(a.Answered + b.Answered, a.OnWarmProcess + b.OnWarmProcess, a.Cancelled + b.Cancelled, a.Spawned + b.Spawned, a.Killed + b.Killed);

    public static PoolCounts operator -(PoolCounts a, PoolCounts b) =>
        new(a.Answered - b.Answered, a.OnWarmProcess - b.OnWarmProcess, a.Cancelled - b.Cancelled, a.Spawned - b.Spawned, a.Killed - b.Killed);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Answered} goals answered ({OnWarmProcess} on a warm process), {Cancelled} cancelled, {Spawned} processes started, {Killed} killed");
}

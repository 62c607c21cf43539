using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hms.Proving.Metrics;

namespace Hms.Proving.Solvers;

/// <summary>
/// The pool's instruments (meter <see cref="HmsInstruments.SolversMeter"/>): how long goals wait for a slot,
/// how long they run, and gauges of busy slots, slots and queue length read from the pool's own counters.
/// </summary>
internal sealed class SolverPoolMetrics
{
    private readonly Histogram<double> queueWait;
    private readonly Histogram<double> goal;

    public SolverPoolMetrics(IMeterFactory meters, int slots, SolverPoolStatistics statistics)
    {
        var meter = meters.Create(HmsInstruments.SolversMeter);
        queueWait = meter.CreateHistogram<double>(HmsInstruments.QueueWaitDuration, "s", "Time a solver goal waited for a slot of the solver pool", advice: HmsInstruments.DurationAdvice);
        goal = meter.CreateHistogram<double>(HmsInstruments.SolverDuration, "s", "Time a solver goal ran on a z3 or cvc5 process", advice: HmsInstruments.DurationAdvice);
        meter.CreateObservableGauge(HmsInstruments.SlotsBusy, () => statistics.Running, "{slot}", "Solver slots running a goal");
        meter.CreateObservableGauge(HmsInstruments.Slots, () => slots, "{slot}", "Solver slots (Hms:Solvers:MaxConcurrency)");
        meter.CreateObservableGauge(HmsInstruments.QueueLength, () => statistics.Queued, "{goal}", "Solver goals waiting for a slot");
    }

    public void QueueWaited(SolverKind kind, long startedTimestamp) =>
        queueWait.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("solver", kind.ToName()));

    public void GoalRan(SolverKind kind, long startedTimestamp) =>
        goal.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("solver", kind.ToName()));
}

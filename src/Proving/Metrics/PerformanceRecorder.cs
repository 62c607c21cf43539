using System.Diagnostics.Metrics;

namespace Hms.Proving.Metrics;

/// <summary>
/// Listens to this service's instruments (<see cref="HmsInstruments"/>) and Orleans' storage latencies, and keeps
/// a sliding window of them for the performance report. It reads the very measurements that OpenTelemetry
/// exports: no second bookkeeping at the places where stages happen. With a meter factory it hears only the
/// meters that factory made, so two silos in one process keep apart.
/// </summary>
public sealed class PerformanceRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly object? scope;
    private readonly TimeProvider clock;
    private readonly long started;
    private readonly int windowSeconds;
    private readonly Dictionary<Stage, StageSamples> stages;
    private readonly object countsGate = new();
    private readonly WindowSums theorems;
    private readonly WindowSums obligations;
    private readonly WindowSums cacheHits;
    private readonly WindowSums cacheLookups;
    /// <summary>One report at a time: a report sorts up to every kept sample, so callers in a loop get one core, not all.</summary>
    private readonly object reportGate = new();
    private long busy, slots, queued;

    /// <param name="scope">The meter factory whose meters to hear (IMeterFactory); null hears meters made without one.</param>
    public PerformanceRecorder(MetricsOptions options, TimeProvider clock, object? scope)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        this.clock = clock;
        this.scope = scope;
        windowSeconds = options.WindowSeconds;
        started = clock.GetTimestamp();
        stages = Enum.GetValues<Stage>().ToDictionary(s => s, _ => new StageSamples(windowSeconds, options.MaxSamplesPerStage));
        theorems = new WindowSums(windowSeconds);
        obligations = new WindowSums(windowSeconds);
        cacheHits = new WindowSums(windowSeconds);
        cacheLookups = new WindowSums(windowSeconds);
        listener.InstrumentPublished = Publish;
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        listener.Start();
    }

    /// <summary>The configured window: the longest a report can look back.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(windowSeconds);

    /// <summary>The report over the last <paramref name="window"/> (at most <see cref="Window"/>; null: all of it).</summary>
    public PerformanceReport Report(TimeSpan? window = null)
    {
        lock (reportGate) return Compute(window);
    }

    private PerformanceReport Compute(TimeSpan? window)
    {
        var seconds = window is { } w ? Math.Clamp((int)Math.Ceiling(w.TotalSeconds), 1, windowSeconds) : windowSeconds;
        var elapsed = clock.GetElapsedTime(started);
        var now = Second(elapsed);
        var measured = TimeSpan.FromTicks(Math.Min(elapsed.Ticks, TimeSpan.FromSeconds(seconds).Ticks));
        var latencies = stages.Select(s => s.Value.Summarize(s.Key, elapsed.Ticks, now, seconds, TimeSpan.FromSeconds(seconds).Ticks)).ToList();
        long theoremCount, obligationCount, hits, lookups;
        lock (countsGate)
        {
            theoremCount = theorems.Total(now, seconds).Count;
            obligationCount = obligations.Total(now, seconds).Count;
            hits = cacheHits.Total(now, seconds).Count;
            lookups = cacheLookups.Total(now, seconds).Count;
        }
        busy = slots = queued = 0;
        listener.RecordObservableInstruments(); // the gauges answer into the fields (under reportGate), summed over pools
        var (busyNow, slotsNow, queuedNow) = (busy, slots, queued);
        var rateBase = Math.Max(measured.TotalSeconds, 1e-3);
        var (bottleneck, explanation) = Bottleneck.Identify(latencies, busyNow, slotsNow, queuedNow);
        return new PerformanceReport(TimeSpan.FromSeconds(seconds), measured, latencies, theoremCount, obligationCount,
            theoremCount / rateBase, obligationCount / rateBase, busyNow, slotsNow, queuedNow, hits, lookups, bottleneck, explanation);
    }

    public void Dispose() => listener.Dispose();

    private static long Second(TimeSpan elapsed) => elapsed.Ticks / TimeSpan.TicksPerSecond;

    private void Publish(Instrument instrument, MeterListener meterListener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, scope)) return;
        var meter = instrument.Meter.Name;
        object? sink = null;
        if (meter.StartsWith(HmsInstruments.MeterPrefix, StringComparison.Ordinal))
        {
            sink = instrument.Name switch
            {
                var n when HmsInstruments.StageOf.TryGetValue(n, out var stage) => new DurationSink(stages[stage], 1),
                HmsInstruments.TheoremsCompleted => Sink.Theorems,
                HmsInstruments.ObligationsCompleted => Sink.Obligations,
                HmsInstruments.CacheLookups => Sink.Cache,
                HmsInstruments.SlotsBusy => Sink.Busy,
                HmsInstruments.Slots => Sink.Slots,
                HmsInstruments.QueueLength => Sink.Queued,
                _ => null,
            };
        }
        else if (meter == HmsInstruments.OrleansMeter && HmsInstruments.OrleansStorageLatencies.Contains(instrument.Name))
        {
            sink = new DurationSink(stages[Stage.Storage], 1e-3);
        }
        if (sink is not null) meterListener.EnableMeasurementEvents(instrument, sink);
    }

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is DurationSink duration)
        {
            var elapsed = clock.GetElapsedTime(started);
            duration.Samples.Add(elapsed.Ticks, Second(elapsed), value * duration.ToSeconds);
            return;
        }
        if (state is not Sink sink) return;
        switch (sink)
        {
            case Sink.Busy or Sink.Slots or Sink.Queued:
                // Only during RecordObservableInstruments, which Report calls under reportGate.
                var n = (long)value;
                if (sink == Sink.Busy) busy += n;
                else if (sink == Sink.Slots) slots += n;
                else queued += n;
                return;
        }
        var now = Second(clock.GetElapsedTime(started));
        lock (countsGate)
        {
            switch (sink)
            {
                case Sink.Theorems:
                    theorems.Add(now, (long)value, 0);
                    break;
                case Sink.Obligations:
                    obligations.Add(now, (long)value, 0);
                    break;
                case Sink.Cache:
                    cacheLookups.Add(now, (long)value, 0);
                    if (IsHit(tags)) cacheHits.Add(now, (long)value, 0);
                    break;
            }
        }
    }

    private static bool IsHit(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "result") return tag.Value as string == HmsInstruments.CacheHit;
        }
        return false;
    }

    private sealed record DurationSink(StageSamples Samples, double ToSeconds);

    private enum Sink { Theorems, Obligations, Cache, Busy, Slots, Queued }
}

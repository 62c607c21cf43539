using System.Diagnostics.Metrics;
using Hms.Proving.Metrics;
using Microsoft.Extensions.Time.Testing;
using StageName = Hms.Proving.Metrics.Stage;

namespace Hms.Proving.Tests.Metrics;

/// <summary>The report's window over real instruments, on a fake clock: what it counts, forgets and blames.</summary>
public sealed class PerformanceRecorderTests : IDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly object scope = new();
    private readonly Meter solvers;
    private readonly Meter proofs;
    private readonly PerformanceRecorder recorder;

    public PerformanceRecorderTests()
    {
        // Meters of this test's own scope, as a silo's meter factory makes them: other tests' meters stay unheard.
        solvers = new Meter(HmsInstruments.SolversMeter, null, null, scope);
        proofs = new Meter(HmsInstruments.ProofsMeter, null, null, scope);
        recorder = new PerformanceRecorder(new MetricsOptions { WindowSeconds = 10 }, clock, scope);
    }

    public void Dispose()
    {
        recorder.Dispose();
        solvers.Dispose();
        proofs.Dispose();
    }

    [Fact]
    public void Counts_percentiles_and_mean_come_from_the_measurements()
    {
        var goal = solvers.CreateHistogram<double>(HmsInstruments.SolverDuration, "s");
        for (var ms = 1; ms <= 100; ms++) goal.Record(ms / 1000.0);

        var solver = Stage(recorder.Report(), StageName.Solver);

        Assert.Equal(100, solver.Count);
        Assert.Equal(0.050, solver.P50, 9);
        Assert.Equal(0.090, solver.P90, 9);
        Assert.Equal(0.099, solver.P99, 9);
        Assert.Equal(0.0505, solver.Mean, 9);
        Assert.Equal(0, Stage(recorder.Report(), StageName.Storage).Count);
    }

    [Fact]
    public void Measurements_older_than_the_window_are_forgotten()
    {
        var goal = solvers.CreateHistogram<double>(HmsInstruments.SolverDuration, "s");
        goal.Record(0.5);
        clock.Advance(TimeSpan.FromSeconds(5));
        goal.Record(0.25);

        Assert.Equal(2, Stage(recorder.Report(), StageName.Solver).Count);
        clock.Advance(TimeSpan.FromSeconds(6));
        var later = Stage(recorder.Report(), StageName.Solver);
        Assert.Equal(1, later.Count);
        Assert.Equal(0.25, later.P99, 9);
        // A shorter window than configured looks back less.
        Assert.Equal(0, Stage(recorder.Report(TimeSpan.FromSeconds(3)), StageName.Solver).Count);

        clock.Advance(TimeSpan.FromSeconds(10));
        var empty = recorder.Report();
        Assert.Equal(0, Stage(empty, StageName.Solver).Count);
        Assert.Null(empty.Bottleneck);
        Assert.Contains("nothing was measured", empty.Explanation);
    }

    [Fact]
    public void The_bottleneck_is_the_stage_that_took_the_most_time_together()
    {
        var wait = solvers.CreateHistogram<double>(HmsInstruments.QueueWaitDuration, "s");
        var goal = solvers.CreateHistogram<double>(HmsInstruments.SolverDuration, "s");
        var slots = 2;
        solvers.CreateObservableGauge(HmsInstruments.Slots, () => slots);
        solvers.CreateObservableGauge(HmsInstruments.SlotsBusy, () => 2);
        solvers.CreateObservableGauge(HmsInstruments.QueueLength, () => 7);
        // Many quick goals, few long waits: the waits still add up to more.
        for (var i = 0; i < 100; i++) goal.Record(0.001);
        for (var i = 0; i < 10; i++) wait.Record(0.1);

        var report = recorder.Report();

        Assert.Equal(StageName.QueueWait, report.Bottleneck);
        Assert.Contains("waiting for a solver slot", report.Explanation);
        Assert.Contains("2 of 2 slots busy, 7 queued", report.Explanation);
        Assert.Equal((2, 2, 7), (report.BusySlots, report.Slots, report.QueueLength));
        Assert.Equal(1.0, report.Utilisation);

        for (var i = 0; i < 2000; i++) goal.Record(0.001);
        Assert.Equal(StageName.Solver, recorder.Report().Bottleneck);
    }

    [Fact]
    public void Throughput_and_cache_hit_rate_count_within_the_window()
    {
        var theorems = proofs.CreateCounter<long>(HmsInstruments.TheoremsCompleted);
        var cache = proofs.CreateCounter<long>(HmsInstruments.CacheLookups);
        clock.Advance(TimeSpan.FromSeconds(4));
        theorems.Add(2);
        cache.Add(1, new KeyValuePair<string, object?>("result", HmsInstruments.CacheHit));
        cache.Add(3, new KeyValuePair<string, object?>("result", HmsInstruments.CacheMiss));

        var report = recorder.Report();

        Assert.Equal(TimeSpan.FromSeconds(4), report.Measured); // the recorder ran 4 of the window's 10 s
        Assert.Equal(2, report.TheoremsCompleted);
        Assert.Equal(0.5, report.TheoremsPerSecond, 9);
        Assert.Equal((1, 4), (report.CacheHits, report.CacheLookups));
        Assert.Equal(0.25, report.CacheHitRate, 9);
    }

    [Fact]
    public void Orleans_storage_latencies_in_milliseconds_count_as_storage_seconds()
    {
        using var orleans = new Meter(HmsInstruments.OrleansMeter, null, null, scope);
        orleans.CreateHistogram<double>("orleans-storage-write-latency", "ms").Record(20);

        var storage = Stage(recorder.Report(), StageName.Storage);

        Assert.Equal(1, storage.Count);
        Assert.Equal(0.020, storage.P50, 9);
    }

    [Fact]
    public void Meters_of_another_scope_are_not_heard()
    {
        using var other = new Meter(HmsInstruments.SolversMeter, null, null, new object());
        other.CreateHistogram<double>(HmsInstruments.SolverDuration, "s").Record(1);

        Assert.Equal(0, Stage(recorder.Report(), StageName.Solver).Count);
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Contains("WindowSeconds", new MetricsOptions { WindowSeconds = 0 }.Problem());
        Assert.Contains("MaxSamplesPerStage", new MetricsOptions { MaxSamplesPerStage = 0 }.Problem());
        Assert.Throws<ArgumentException>(() => new PerformanceRecorder(new MetricsOptions { WindowSeconds = 4000 }, clock, scope));
    }

    private static StageLatency Stage(PerformanceReport report, StageName stage) => report.Stages.Single(s => s.Stage == stage);
}

using System.Diagnostics.Metrics;

namespace Hms.Proving.Metrics;

/// <summary>
/// The names of the service's meters and instruments: the one list that the code recording a measurement, the
/// OpenTelemetry export (`Hms.*`) and the performance report all go by. Durations are in seconds, as
/// OpenTelemetry's conventions ask; Prometheus shows them as e.g. `hms_solver_goal_duration_seconds`.
/// </summary>
public static class HmsInstruments
{
    /// <summary>Every meter of this service starts with this (OpenTelemetry subscribes to `Hms.*`).</summary>
    public const string MeterPrefix = "Hms.";

    public const string SolversMeter = "Hms.Solvers";
    public const string ProofsMeter = "Hms.Proofs";
    public const string FrontendMeter = "Hms.Frontend";

    /// <summary>Orleans' own meter; its grain-storage latencies count toward <see cref="Stage.Storage"/>.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public const string AdmissionDuration = "hms.admission.duration";
    public const string DecompositionDuration = "hms.decomposition.duration";
    public const string QueueWaitDuration = "hms.solver.queue_wait.duration";
    public const string SolverDuration = "hms.solver.goal.duration";
    public const string JournalDuration = "hms.storage.journal.duration";
    public const string StreamingDuration = "hms.streaming.write.duration";

    /// <summary>Theorems whose proof ended on this silo (tag `status`).</summary>
    public const string TheoremsCompleted = "hms.theorems.completed";

    /// <summary>Obligations decided on this silo, from the cache or a solver (tag `status`).</summary>
    public const string ObligationsCompleted = "hms.obligations.completed";

    /// <summary>Proof cache lookups (tag `result`: <see cref="CacheHit"/> or <see cref="CacheMiss"/>).</summary>
    public const string CacheLookups = "hms.cache.lookups";

    public const string CacheHit = "hit";
    public const string CacheMiss = "miss";

    public const string SlotsBusy = "hms.solver.slots.busy";
    public const string Slots = "hms.solver.slots";
    public const string QueueLength = "hms.solver.queue.length";

    /// <summary>
    /// Histogram buckets for durations in seconds, 0.1 ms to 10 min: OpenTelemetry's default buckets are made for
    /// milliseconds and would put every goal of this service in the first one.
    /// </summary>
    public static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    };

    /// <summary>Orleans' grain storage latencies, in milliseconds (Orleans' unit).</summary>
    public static readonly IReadOnlyList<string> OrleansStorageLatencies =
        ["orleans-storage-read-latency", "orleans-storage-write-latency", "orleans-storage-clear-latency"];

    /// <summary>The stage each of this service's duration instruments (seconds) measures.</summary>
    public static readonly IReadOnlyDictionary<string, Stage> StageOf = new Dictionary<string, Stage>(StringComparer.Ordinal)
    {
        [AdmissionDuration] = Stage.Admission,
        [DecompositionDuration] = Stage.Decomposition,
        [QueueWaitDuration] = Stage.QueueWait,
        [SolverDuration] = Stage.Solver,
        [JournalDuration] = Stage.Storage,
        [StreamingDuration] = Stage.Streaming,
    };
}

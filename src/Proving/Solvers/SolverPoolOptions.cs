namespace Hms.Proving.Solvers;

/// <summary>Limits and paths for a <see cref="SolverPool"/>; read once when the pool is created (configuration: Hms:Solvers).</summary>
public sealed class SolverPoolOptions
{
    /// <summary>Goals running at once, across both solvers. Each goal keeps one core busy.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Goals allowed to wait; one more throws <see cref="SolverQueueFullException"/>.</summary>
    public int MaxQueueLength { get; set; } = 10_000;

    /// <summary>Address-space limit per solver process (via prlimit --as); 0 or less for none.</summary>
    public long MemoryLimitMb { get; set; } = 2048;

    public string Z3Path { get; set; } = "z3";

    public string Cvc5Path { get; set; } = "cvc5";

    /// <summary>How long past a goal's Timeout a solver may ignore its own soft limit before it is killed.</summary>
    public TimeSpan KillGrace { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Lowest priority a goal can have; a request asking for less gets this.</summary>
    public int MinPriority { get; set; } = -10;

    /// <summary>Highest priority a goal can have; a request asking for more gets this (priority is the client's choice).</summary>
    public int MaxPriority { get; set; } = 10;

    /// <summary>
    /// Slots of <see cref="MaxConcurrency"/> that only short goals may use, so that a trivial goal is not
    /// stuck behind long ones; at least one slot always stays open to long goals (none with one slot).
    /// </summary>
    public int ShortGoalSlots { get; set; } = Environment.ProcessorCount > 1 ? 1 : 0;

    /// <summary>A goal whose time limit is at most this is short (the default goal timeout is 10 s); one without a limit is long.</summary>
    public TimeSpan ShortGoalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws on a setting the pool cannot work with; called when a pool is created (at start in the service).</summary>
    /// <exception cref="ArgumentOutOfRangeException">a setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxQueueLength, nameof(MaxQueueLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxIdlePerKind, nameof(MaxIdlePerKind));
        ArgumentOutOfRangeException.ThrowIfLessThan(KillGrace, TimeSpan.Zero, nameof(KillGrace));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(KillGrace, TimeSpan.FromMinutes(10), nameof(KillGrace));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MemoryLimitMb, 1L << 30, nameof(MemoryLimitMb));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinPriority, MaxPriority, nameof(MinPriority));
        ArgumentOutOfRangeException.ThrowIfNegative(ShortGoalSlots, nameof(ShortGoalSlots));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ShortGoalSlots, MaxConcurrency, nameof(ShortGoalSlots));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShortGoalTimeout, TimeSpan.Zero, nameof(ShortGoalTimeout));
        if (!string.IsNullOrEmpty(DumpDirectory))
        {
            if (string.IsNullOrWhiteSpace(DumpDirectory) || DumpDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || DumpDirectory.Contains('\0'))
                throw new ArgumentException($"DumpDirectory '{DumpDirectory}' is not a usable folder path", nameof(DumpDirectory));
            if (File.Exists(DumpDirectory))
                throw new ArgumentException($"DumpDirectory '{DumpDirectory}' is a file, not a folder", nameof(DumpDirectory));
        }
    }

    /// <summary>Warm processes kept per solver between goals; more are stopped when they go idle.</summary>
    public int MaxIdlePerKind { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The prover log: when set, every goal's exact conversation with each solver is written to a file in this
    /// folder (made if missing; checked writable when the pool starts). Null or empty for none.
    /// </summary>
    public string? DumpDirectory { get; set; }

    /// <summary>Scratch folder, file-size and process limits, user and network of each solver process.</summary>
    public SolverSandboxOptions Sandbox { get; set; } = new();
}

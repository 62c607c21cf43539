namespace Hms.Proving.Solvers;

/// <summary>Limits and paths for a <see cref="SolverPool"/>; read once when the pool is created.</summary>
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

    /// <summary>Warm processes kept per solver between goals; more are stopped when they go idle.</summary>
    public int MaxIdlePerKind { get; set; } = Environment.ProcessorCount;

    /// <summary>Scratch folder, file-size and process limits, user and network of each solver process.</summary>
    public SolverSandboxOptions Sandbox { get; set; } = new();
}

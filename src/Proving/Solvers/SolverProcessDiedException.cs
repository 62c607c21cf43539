namespace Hms.Proving.Solvers;

/// <summary>
/// The one way a vanished solver process shows up inside the pool: its output ended or its input broke.
/// Never reaches callers of <see cref="SolverPool"/>; the goal gets a result and the process is replaced.
/// </summary>
internal sealed class SolverProcessDiedException(string detail, string partialOutput = "")
    : Exception($"solver process died ({detail})")
{
    /// <summary>How it ended, e.g. "exit code 137 (signal 9)", with the last stderr line if any.</summary>
    public string Detail { get; } = detail;

    /// <summary>What the solver printed for the current request before it ended (it may hold an error).</summary>
    public string PartialOutput { get; } = partialOutput;

    /// <summary>True when the process was already gone before it took any of the current request.</summary>
    public bool BeforeRequest { get; init; }

    public SolverProcessDiedException WithPartialOutput(string output) =>
        new(Detail, output) { BeforeRequest = BeforeRequest };
}

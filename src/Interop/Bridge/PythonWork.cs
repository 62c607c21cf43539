namespace Hms.Interop.Bridge;

/// <summary>
/// A call waiting for the Python thread. <see cref="Run"/> happens under the GIL and only records the outcome;
/// <see cref="Complete"/> publishes it after the GIL is released, so no continuation ever runs under the GIL.
/// </summary>
internal abstract class PythonWork(PythonBridge bridge)
{
    public PythonBridge Bridge { get; } = bridge;

    /// <summary>Runs the work unless it was cancelled first; never throws.</summary>
    public abstract WorkOutcome Run(PythonContext context);

    public abstract void Complete();

    /// <summary>Fails the call without running it (its bridge is closing).</summary>
    public abstract void Refuse(Exception error);
}

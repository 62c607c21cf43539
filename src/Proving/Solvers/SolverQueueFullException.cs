namespace Hms.Proving.Solvers;

/// <summary>The pool's wait queue is at <see cref="SolverPoolOptions.MaxQueueLength"/>: shed load or retry later.</summary>
public sealed class SolverQueueFullException(int maxQueueLength)
    : Exception($"the solver queue is full ({maxQueueLength} goals waiting)")
{
    public int MaxQueueLength { get; } = maxQueueLength;
}

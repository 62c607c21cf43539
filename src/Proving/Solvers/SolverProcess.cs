using System.Threading.Channels;

namespace Hms.Proving.Solvers;

/// <summary>
/// The narrow seam between the pool and a running solver: text in, lines out, kill. Kept abstract so tests
/// can stand in a scripted process and inject faults (death mid-goal, silence, garbage).
/// Subclasses push stdout lines with <see cref="Emit"/> and call <see cref="EndOfOutput"/> when it closes.
/// </summary>
internal abstract class SolverProcess(SolverKind kind) : IAsyncDisposable
{
    private readonly Channel<string> _lines =
        Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public SolverKind Kind { get; } = kind;

    /// <summary>The OS process id (tests kill it by this), or a made-up id for test doubles.</summary>
    public abstract int Id { get; }

    public abstract bool HasExited { get; }

    /// <summary>Writes to the solver's stdin.</summary>
    /// <exception cref="SolverProcessDiedException">the process is gone.</exception>
    public abstract Task SendAsync(string text, CancellationToken cancellationToken);

    /// <summary>The next stdout line, waiting for it without blocking a thread.</summary>
    /// <exception cref="SolverProcessDiedException">stdout has ended: the process is gone.</exception>
    public async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (await _lines.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_lines.Reader.TryRead(out var line))
                return line;
        }
        throw new SolverProcessDiedException(await DescribeExitAsync().ConfigureAwait(false));
    }

    /// <summary>How the process ended, for the reason a user sees, e.g. "exit code 134; stderr: ...".</summary>
    public abstract Task<string> DescribeExitAsync();

    /// <summary>What the solver wrote to stderr since the last call (bounded), for diagnostics.</summary>
    public abstract string TakeDiagnostics();

    /// <summary>Stops the process now; safe to call repeatedly, from any thread, after it exited.</summary>
    public abstract void Kill();

    /// <summary>
    /// Stops the running check-sat so that the process can serve the next goal: the solver answers the check
    /// (usually "unknown") and returns to its prompt. Where the solver cannot do that, this kills it; a process
    /// that was not inside a check when interrupted may die too, so callers treat death as the fallback.
    /// </summary>
    public virtual void Interrupt() => Kill();

    public abstract ValueTask DisposeAsync();

    protected void Emit(string line) => _lines.Writer.TryWrite(line);

    protected void EndOfOutput() => _lines.Writer.TryComplete();
}

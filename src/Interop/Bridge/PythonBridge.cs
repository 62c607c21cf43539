using Hms.Interop.Hosting;
using Hms.Interop.SharedMemory;
using Microsoft.Extensions.Logging;

namespace Hms.Interop.Bridge;

/// <summary>
/// Runs .NET code against Python on the interpreter's own thread, in batches under one GIL hold, with a pool of
/// shared-memory buffers NumPy sees without copying. Plain .NET: the silo wraps it in a GrainService, the CLI, tests
/// and benchmarks use it directly. All bridges of a process share its one interpreter (CPython's rule); each has its
/// own buffer pool and statistics. Disposing a bridge refuses its queued calls, waits for its running ones, and
/// removes its shared-memory segments.
/// </summary>
public sealed class PythonBridge : IAsyncDisposable
{
    private readonly PythonInterpreter _interpreter;
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _calls;
    private int _closing;

    private PythonBridge(PythonInterpreter interpreter, SharedMemoryPool buffers, int maxBatchSize)
    {
        _interpreter = interpreter;
        Buffers = buffers;
        MaxBatchSize = maxBatchSize;
    }

    /// <summary>Starts the process's interpreter if this is the first bridge, then a bridge with its own buffer pool.</summary>
    /// <exception cref="PythonRuntimeNotFoundException">the configured libpython does not exist.</exception>
    /// <exception cref="PythonStartException">Python did not start, or already runs with other settings.</exception>
    public static Task<PythonBridge> StartAsync(PythonBridgeOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, logger: null, cancellationToken);

    /// <inheritdoc cref="StartAsync(PythonBridgeOptions, CancellationToken)"/>
    public static async Task<PythonBridge> StartAsync(PythonBridgeOptions options, ILogger? logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        var snapshot = options.Snapshot();
        var interpreter = await PythonInterpreter.StartAsync(snapshot).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new PythonBridge(interpreter, new SharedMemoryPool(snapshot.SharedMemory, logger), snapshot.MaxBatchSize);
    }

    public SharedMemoryPool Buffers { get; }

    public PythonBridgeStatistics Statistics { get; } = new();

    /// <summary>The embedded interpreter's version, e.g. "3.11.2".</summary>
    public string PythonVersion => _interpreter.PythonVersion;

    /// <summary>NumPy's version, or null when this interpreter cannot import NumPy.</summary>
    public string? NumPyVersion => _interpreter.NumPyVersion;

    /// <summary>Most calls per GIL hold; a batch that mixes bridges' calls keeps to the smallest limit among them.</summary>
    internal int MaxBatchSize { get; }

    internal bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>
    /// Runs <paramref name="work"/> on the Python thread under the GIL, in a batch with other queued calls. The work
    /// must not block on other .NET work (it holds up every call behind it) and should return .NET values, not PyObjects.
    /// Cancellation takes effect while the call is queued; a running call finishes.
    /// </summary>
    /// <exception cref="PythonCallException">Python raised; the bridge serves the next call as usual.</exception>
    /// <exception cref="PythonViewKeptException">Python kept a view of a shared buffer past the call.</exception>
    /// <exception cref="ObjectDisposedException">the bridge is disposed.</exception>
    public Task<T> InvokeAsync<T>(Func<PythonContext, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_interpreter.IsPythonThread)
            throw new InvalidOperationException(
                "InvokeAsync was called from inside a Python call, which would wait for itself; use the PythonContext given to the call.");
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        Interlocked.Increment(ref _calls);
        if (IsClosing)
        {
            CallEnded();
            throw new ObjectDisposedException(nameof(PythonBridge));
        }
        var item = new PythonWork<T>(this, work, cancellationToken);
        _interpreter.Post(item);
        return item.Task;
    }

    /// <inheritdoc cref="InvokeAsync{T}(Func{PythonContext, T}, CancellationToken)"/>
    public Task InvokeAsync(Action<PythonContext> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InvokeAsync(context =>
        {
            work(context);
            return true;
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            await _idle.Task.ConfigureAwait(false);
            return;
        }
        // The closing flag is up, so the count only falls from here: when it reaches zero, no call uses the buffers.
        CallEnded();
        await _idle.Task.ConfigureAwait(false);
        Buffers.Dispose();
    }

    /// <summary>A call settled (ran, was cancelled or refused). The extra count taken back by Dispose ends at zero.</summary>
    internal void CallEnded()
    {
        if (Interlocked.Decrement(ref _calls) == -1)
            _idle.TrySetResult();
    }
}

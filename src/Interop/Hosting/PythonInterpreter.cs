using System.Collections.Concurrent;
using Hms.Interop.Bridge;
using Python.Runtime;

namespace Hms.Interop.Hosting;

/// <summary>
/// The process's one CPython interpreter and the one thread it lives on. CPython can be initialised once per
/// process (pythonnet cannot start it again after Shutdown), so this is shared by every bridge of the process and
/// lives until the process exits; a bridge's Dispose ends the bridge, not the interpreter.
///
/// The thread initialises Python, releases the GIL at once and then waits for work. When calls are queued it takes
/// up to MaxBatchSize of them, re-acquires the GIL with its own thread state (cheap, no PyGILState lookup), runs them
/// all, releases the GIL, and only then completes their tasks, so continuations never run under the GIL and no other
/// .NET thread ever waits for it.
/// </summary>
internal sealed class PythonInterpreter
{
    private static readonly Lock s_sync = new();
    private static Task<PythonInterpreter>? s_starting;
    private static PythonBridgeOptions? s_options;

    private readonly PythonBridgeOptions _options;
    private readonly ConcurrentQueue<PythonWork> _queue = new();
    private readonly ManualResetEventSlim _pending = new(false);
    private readonly TaskCompletionSource<PythonInterpreter> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PythonContext? _context;
    private nint _threadState;
    private long _batches;

    private PythonInterpreter(PythonBridgeOptions options)
    {
        _options = options;
        Thread = new Thread(Main) { IsBackground = true, Name = "hms-python" };
    }

    public Thread Thread { get; }

    public string PythonVersion { get; private set; } = "";

    public string? NumPyVersion { get; private set; }

    /// <summary>
    /// The running interpreter, started on the first call. Later calls must ask for the same interpreter settings.
    /// </summary>
    /// <exception cref="PythonRuntimeNotFoundException">the library does not exist (checked on every call).</exception>
    /// <exception cref="PythonStartException">the interpreter did not start, or runs with other settings.</exception>
    public static Task<PythonInterpreter> StartAsync(PythonBridgeOptions options)
    {
        if (!File.Exists(options.Library))
            throw new PythonRuntimeNotFoundException(options.Library);
        lock (s_sync)
        {
            if (s_starting is null)
            {
                var interpreter = new PythonInterpreter(options);
                s_options = options;
                s_starting = interpreter._started.Task;
                interpreter.Thread.Start();
            }
            else if (Describe(s_options!) != Describe(options))
            {
                throw new PythonStartException(
                    $"This process already runs Python as {Describe(s_options!)}; a bridge cannot ask for {Describe(options)}.");
            }
            return s_starting;
        }
    }

    public bool IsPythonThread => Thread == Thread.CurrentThread;

    public void Post(PythonWork work)
    {
        _queue.Enqueue(work);
        _pending.Set();
    }

    private static string Describe(PythonBridgeOptions o) =>
        $"{o.Library} (home {o.Home}, site {o.SitePackages}, package {o.PackageDirectory}, executable {o.Executable})";

    private void Main()
    {
        try
        {
            Runtime.PythonDLL = _options.Library;
            PythonEngine.PythonHome = _options.Home;
            PythonEngine.Initialize();
        }
        catch (Exception e)
        {
            _started.SetException(new PythonStartException($"Python did not start from {_options.Library} with home {_options.Home}: {e.Message}", e));
            return;
        }
        try
        {
            InterpreterSetup.Apply(_options);
            (PythonVersion, NumPyVersion) = InterpreterSetup.Versions();
            _context = new PythonContext(_options.Library);
        }
        catch (Exception e)
        {
            PythonEngine.BeginAllowThreads();
            _started.SetException(new PythonStartException(
                $"Python started but could not load hms_bridge from {_options.PackageDirectory}: {e.Message}", e));
            return;
        }
        _threadState = PythonEngine.BeginAllowThreads();
        _started.SetResult(this);
        Serve();
    }

    private void Serve()
    {
        var batch = new List<PythonWork>();
        while (true)
        {
            _pending.Wait();
            // Reset before draining: a call posted from here on sets it again, so it cannot be missed.
            _pending.Reset();
            while (TakeBatch(batch))
            {
                RunBatch(batch);
                foreach (var work in batch)
                    work.Complete();
                batch.Clear();
            }
        }
    }

    /// <summary>Takes queued calls up to the smallest MaxBatchSize among the bridges whose calls are taken.</summary>
    private bool TakeBatch(List<PythonWork> batch)
    {
        var limit = int.MaxValue;
        while (batch.Count < limit && _queue.TryDequeue(out var work))
        {
            if (work.Bridge.IsClosing)
            {
                work.Refuse(new ObjectDisposedException(nameof(PythonBridge), "The bridge was disposed before this call ran."));
                continue;
            }
            batch.Add(work);
            limit = Math.Min(limit, work.Bridge.MaxBatchSize);
        }
        return batch.Count > 0;
    }

    private void RunBatch(List<PythonWork> batch)
    {
        PythonEngine.EndAllowThreads(_threadState);
        try
        {
            var id = ++_batches;
            foreach (var work in batch)
            {
                var outcome = work.Run(_context!);
                if (outcome != WorkOutcome.Skipped)
                    work.Bridge.Statistics.Count(id, outcome == WorkOutcome.Failed);
            }
        }
        finally
        {
            _threadState = PythonEngine.BeginAllowThreads();
        }
    }
}

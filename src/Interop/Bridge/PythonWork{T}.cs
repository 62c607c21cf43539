using System.Runtime.ExceptionServices;

namespace Hms.Interop.Bridge;

/// <summary>A call returning <typeparamref name="T"/>. Cancellation wins only while the call is still queued.</summary>
internal sealed class PythonWork<T> : PythonWork
{
    private const int Queued = 0, Running = 1, Settled = 2;

    private readonly Func<PythonContext, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private int _state;
    private T? _result;
    private ExceptionDispatchInfo? _error;

    public PythonWork(PythonBridge bridge, Func<PythonContext, T> work, CancellationToken cancellationToken)
        : base(bridge)
    {
        _work = work;
        if (cancellationToken.CanBeCanceled)
            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((PythonWork<T>)state!).Cancel(token), this);
    }

    public Task<T> Task => _completion.Task;

    public override WorkOutcome Run(PythonContext context)
    {
        if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued)
            return WorkOutcome.Skipped;
        try
        {
            _result = context.Run(_work);
            return WorkOutcome.Succeeded;
        }
        catch (Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
            return WorkOutcome.Failed;
        }
    }

    public override void Complete()
    {
        _registration.Dispose();
        if (Volatile.Read(ref _state) != Running)
            return;
        if (_error is null)
            _completion.SetResult(_result!);
        else
            _completion.SetException(_error.SourceException);
        _result = default;
        Bridge.CallEnded();
    }

    public override void Refuse(Exception error)
    {
        if (Interlocked.CompareExchange(ref _state, Settled, Queued) == Queued)
        {
            _completion.SetException(error);
            Bridge.CallEnded();
        }
    }

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Settled, Queued) == Queued)
        {
            _completion.SetCanceled(token);
            Bridge.CallEnded();
        }
    }
}

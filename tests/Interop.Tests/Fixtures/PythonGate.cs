using Hms.Interop.Bridge;

namespace Hms.Interop.Tests.Fixtures;

/// <summary>
/// Holds the Python thread busy inside a call until released, so that calls queue up behind it; the tests await its
/// start rather than sleeping. Blocking inside a call is exactly what real work must not do, which is why a test may.
/// </summary>
internal sealed class PythonGate : IAsyncDisposable
{
    private readonly ManualResetEventSlim _open = new(false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PythonGate(PythonBridge bridge)
    {
        Call = bridge.InvokeAsync(_ =>
        {
            _entered.SetResult();
            _open.Wait(TimeSpan.FromMinutes(1));
        });
    }

    /// <summary>The call that holds the thread.</summary>
    public Task Call { get; }

    public static async Task<PythonGate> CloseAsync(PythonBridge bridge)
    {
        var gate = new PythonGate(bridge);
        await gate._entered.Task;
        return gate;
    }

    public async ValueTask DisposeAsync()
    {
        _open.Set();
        await Call;
        _open.Dispose();
    }
}

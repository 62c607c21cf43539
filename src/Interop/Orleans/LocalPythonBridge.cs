using System.Runtime.ExceptionServices;
using Hms.Interop.Bridge;
using Hms.Interop.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hms.Interop.Orleans;

/// <summary>
/// Holds the silo's one bridge: started by the GrainService when the silo starts, disposed when it stops. A bridge
/// that cannot start (no libpython, say) does not stop the silo, which proves theorems without Python; every Python
/// call then fails with the start error instead.
/// </summary>
public sealed class LocalPythonBridge(IOptions<PythonBridgeOptions> options, ILogger<LocalPythonBridge> logger) : IAsyncDisposable
{
    private PythonBridge? _bridge;
    private ExceptionDispatchInfo? _failure;

    /// <exception cref="PythonRuntimeNotFoundException">(or whatever else stopped it) the bridge did not start.</exception>
    public PythonBridge Bridge
    {
        get
        {
            _failure?.Throw();
            return _bridge ?? throw new InvalidOperationException("The silo's Python bridge has not started (or has stopped).");
        }
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _bridge = await PythonBridge.StartAsync(options.Value, logger, cancellationToken);
            logger.LogInformation("Python {Python} with NumPy {NumPy} serves this silo", _bridge.PythonVersion, _bridge.NumPyVersion ?? "(missing)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            logger.LogError(e, "The Python bridge did not start; Python calls on this silo will fail");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _bridge, null) is { } bridge)
            await bridge.DisposeAsync();
    }
}

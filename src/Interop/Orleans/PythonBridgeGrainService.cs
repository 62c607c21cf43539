using Hms.Interop.Bridge;
using Hms.Interop.SharedMemory;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;
using Python.Runtime;

namespace Hms.Interop.Orleans;

/// <summary>
/// The GrainService that gives each silo its bridge: starts it with the silo and stops it with the silo. Calls
/// interleave (reentrant) while they wait for Python, so calls from many grains share GIL holds; the waiting is
/// on the bridge's Python thread, never on an Orleans scheduler thread.
/// </summary>
[Reentrant]
public sealed class PythonBridgeGrainService : GrainService, IPythonBridgeService
{
    private readonly LocalPythonBridge _local;

    public PythonBridgeGrainService(GrainId id, Silo silo, ILoggerFactory loggerFactory, LocalPythonBridge local)
        : base(id, silo, loggerFactory)
    {
        _local = local;
    }

    public override async Task Init(IServiceProvider serviceProvider)
    {
        await base.Init(serviceProvider);
        await _local.StartAsync(StoppedCancellationTokenSource.Token);
    }

    public override async Task Stop()
    {
        await _local.DisposeAsync();
        await base.Stop();
    }

    public Task<PythonCallResult> CallAsync(PythonCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var bridge = _local.Bridge;
        // Resolved here, before queueing: a handle of a lease that is already over fails at once, with its name.
        var arrays = call.Arrays.Select(a => (Buffer: bridge.Buffers.Resolve(a.Buffer), a.DType, a.Shape)).ToArray();
        return bridge.InvokeAsync(context =>
        {
            using var views = new PyList();
            foreach (var (buffer, dtype, shape) in arrays)
                views.Append(context.ToNumPy(buffer, dtype, shape.AsSpan()));
            using var module = new PyString(call.Module);
            using var function = new PyString(call.Function);
            using var arguments = new PyString(call.ArgumentsJson);
            using var result = context.Import("hms_bridge.calls").InvokeMethod("call_json", module, function, views, arguments);
            return new PythonCallResult(result.As<string>());
        });
    }

    public Task<PythonBridgeStatus> GetStatusAsync()
    {
        var bridge = _local.Bridge;
        return Task.FromResult(new PythonBridgeStatus(
            Silo, Environment.ProcessId, bridge.PythonVersion, bridge.NumPyVersion,
            bridge.Statistics.Calls, bridge.Statistics.Batches, bridge.Buffers.Statistics.LeasedBuffers));
    }
}

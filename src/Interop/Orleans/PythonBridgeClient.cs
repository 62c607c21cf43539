using Hms.Interop.SharedMemory;
using Orleans.Runtime;
using Orleans.Runtime.Services;

namespace Hms.Interop.Orleans;

/// <summary>
/// Always the local silo's bridge. A GrainServiceClient would otherwise pick the service by the calling grain's
/// place on the consistent ring, which may be another silo, and with it shared buffers that do not exist there.
/// </summary>
public sealed class PythonBridgeClient(IServiceProvider services, ILocalSiloDetails silo, LocalPythonBridge local)
    : GrainServiceClient<IPythonBridgeService>(services), IPythonBridgeClient
{
    private IPythonBridgeService Local => GetGrainService(silo.SiloAddress);

    public SharedMemoryPool Buffers => local.Bridge.Buffers;

    public Task<PythonCallResult> CallAsync(PythonCall call) => Local.CallAsync(call);

    public Task<PythonBridgeStatus> GetStatusAsync() => Local.GetStatusAsync();
}

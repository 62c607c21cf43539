using Hms.Interop.SharedMemory;
using Orleans.Services;

namespace Hms.Interop.Orleans;

/// <summary>What a grain injects to use Python: calls go to the bridge of the silo the grain runs on.</summary>
public interface IPythonBridgeClient : IGrainServiceClient<IPythonBridgeService>
{
    /// <summary>The local bridge's buffers: rent, fill, pass <see cref="SharedBuffer.Handle"/> in a <see cref="SharedArray"/>.</summary>
    /// <exception cref="InvalidOperationException">the bridge did not start (the message says why).</exception>
    SharedMemoryPool Buffers { get; }

    /// <inheritdoc cref="IPythonBridgeService.CallAsync"/>
    Task<PythonCallResult> CallAsync(PythonCall call);

    Task<PythonBridgeStatus> GetStatusAsync();
}

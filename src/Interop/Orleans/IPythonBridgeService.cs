using Orleans.Services;

namespace Hms.Interop.Orleans;

/// <summary>
/// The silo's Python bridge as a GrainService: one per silo, always called on the grain's own silo (through
/// <see cref="IPythonBridgeClient"/>), so no Python call and no shared buffer ever leaves the machine.
/// </summary>
public interface IPythonBridgeService : IGrainService
{
    /// <summary>Runs <c>module.function(*arrays, **arguments)</c> on the silo's interpreter.</summary>
    Task<PythonCallResult> CallAsync(PythonCall call);

    Task<PythonBridgeStatus> GetStatusAsync();
}

namespace Hms.Interop.Orleans;

/// <summary>Which silo and process served, with what Python, and how its calls were batched.</summary>
[GenerateSerializer, Immutable]
public sealed record PythonBridgeStatus(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] int ProcessId,
    [property: Id(2)] string PythonVersion,
    [property: Id(3)] string? NumPyVersion,
    [property: Id(4)] long Calls,
    [property: Id(5)] long Batches,
    [property: Id(6)] int LeasedBuffers);

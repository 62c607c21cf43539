namespace Hms.Interop.Tests.Orleans;

/// <summary>A grain that uses the Python bridge of the silo it runs on.</summary>
public interface IPythonProbeGrain : IGrainWithIntegerKey
{
    /// <summary>The grain's silo and the silo of the bridge that answered.</summary>
    Task<ProbeLocation> LocateAsync();

    /// <summary>Copies <paramref name="values"/> into a leased buffer, has NumPy add them up and double them in place.</summary>
    Task<ProbeResult> SumAndDoubleAsync(double[] values);

    /// <summary>A Python call that raises.</summary>
    Task FailAsync();
}

[GenerateSerializer, Immutable]
public sealed record ProbeLocation([property: Id(0)] SiloAddress GrainSilo, [property: Id(1)] SiloAddress BridgeSilo);

[GenerateSerializer, Immutable]
public sealed record ProbeResult([property: Id(0)] double Sum, [property: Id(1)] double[] Doubled);

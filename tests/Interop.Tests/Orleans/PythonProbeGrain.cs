using System.Collections.Immutable;
using System.Globalization;
using Hms.Interop.Orleans;
using Hms.Interop.SharedMemory;
using Hms.Interop.Tests.Fixtures;
using Orleans.Placement;
using Orleans.Runtime;

namespace Hms.Interop.Tests.Orleans;

/// <summary>Placed at random, so that probes land on both silos and locality is actually tested.</summary>
[RandomPlacement]
public sealed class PythonProbeGrain(IPythonBridgeClient python, ILocalSiloDetails silo) : Grain, IPythonProbeGrain
{
    public async Task<ProbeLocation> LocateAsync()
    {
        var status = await python.GetStatusAsync();
        return new ProbeLocation(silo.SiloAddress, status.Silo);
    }

    public async Task<ProbeResult> SumAndDoubleAsync(double[] values)
    {
        using var buffer = python.Buffers.Rent(values.Length * sizeof(double));
        values.CopyTo(buffer.AsSpan<double>());
        var array = new SharedArray(buffer.Handle, "float64", []);

        var sum = await python.CallAsync(new PythonCall("numpy", "sum", [array]));
        var scaled = await python.CallAsync(new PythonCall(ProbeModule.Name, "scale", [array], """{"factor": 2.0}"""));

        Assert.Equal("null", scaled.Json);
        return new ProbeResult(double.Parse(sum.Json, CultureInfo.InvariantCulture), buffer.AsSpan<double>().ToArray());
    }

    public Task FailAsync() =>
        python.CallAsync(new PythonCall("hms_bridge.calls", "no_such_function", ImmutableArray<SharedArray>.Empty));
}

using Hms.Interop.Bridge;

namespace Hms.Interop.Tests.Orleans;

[Collection(ClusterCollection.Name)]
public sealed class GrainServiceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_grain_is_served_by_the_bridge_of_its_own_silo()
    {
        var locations = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(key => fixture.Client.GetGrain<IPythonProbeGrain>(key).LocateAsync()));

        Assert.All(locations, location => Assert.Equal(location.GrainSilo, location.BridgeSilo));
        Assert.Equal(2, locations.Select(l => l.GrainSilo).Distinct().Count());
    }

    [Fact]
    public async Task A_grain_hands_numpy_a_buffer_and_reads_the_result_in_place()
    {
        var result = await fixture.Client.GetGrain<IPythonProbeGrain>(100).SumAndDoubleAsync([1, 2, 3.5]);

        Assert.Equal(6.5, result.Sum);
        Assert.Equal([2, 4, 7], result.Doubled);
    }

    [Fact]
    public async Task A_python_error_reaches_the_grains_caller_as_the_clear_exception()
    {
        var error = await Assert.ThrowsAsync<PythonCallException>(() => fixture.Client.GetGrain<IPythonProbeGrain>(200).FailAsync());

        Assert.Equal("AttributeError", error.PythonType);
        Assert.Contains("no_such_function", error.PythonMessage);
        Assert.Contains("Traceback", error.PythonTraceback);
    }
}

using Hms.Interop.Bridge;
using Hms.Interop.Tests.Fixtures;
using Python.Runtime;

namespace Hms.Interop.Tests.Bridge;

[Collection(BridgeCollection.Name)]
public sealed class ZeroCopyTests(BridgeFixture fixture)
{
    private PythonBridge Bridge => fixture.Bridge;

    [Fact]
    public async Task NumPy_sees_the_buffer_at_its_own_address_and_writes_land_in_place()
    {
        using var buffer = Bridge.Buffers.Rent(8 * sizeof(double));
        var values = buffer.AsSpan<double>();
        for (var i = 0; i < values.Length; i++)
            values[i] = i + 1;

        var address = await Bridge.InvokeAsync(context =>
        {
            var probe = context.Import(ProbeModule.Name);
            var array = context.ToNumPy<double>(buffer);
            using var factor = new PyFloat(2.5);
            using (probe.InvokeMethod("scale", array, factor)) { }
            using var data = probe.InvokeMethod("address", array);
            return data.As<long>();
        });

        Assert.Equal((long)buffer.Address, address);
        Assert.Equal([2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20], buffer.AsSpan<double>().ToArray());
    }

    [Fact]
    public async Task A_write_by_dotnet_during_the_call_is_seen_by_numpy()
    {
        using var buffer = Bridge.Buffers.Rent(4 * sizeof(int));

        var seen = await Bridge.InvokeAsync(context =>
        {
            var array = context.ToNumPy<int>(buffer);
            buffer.AsSpan<int>()[2] = 42;
            using var position = new PyInt(2);
            using var item = array.InvokeMethod("item", position);
            return item.As<int>();
        });

        Assert.Equal(42, seen);
    }

    [Fact]
    public async Task Dtype_and_shape_are_what_was_asked()
    {
        using var buffer = Bridge.Buffers.Rent(24);

        var (dtype, shape) = await Bridge.InvokeAsync(context =>
        {
            var array = context.ToNumPy(buffer, "int32", 2, 3);
            using var kind = array.GetAttr("dtype");
            using var extents = context.Import(ProbeModule.Name).InvokeMethod("shape", array);
            return (kind.ToString(), extents.ToString());
        });

        Assert.Equal("int32", dtype);
        Assert.Equal("(2, 3)", shape);
    }

    [Fact]
    public async Task A_shape_larger_than_the_buffer_is_refused_before_python_runs()
    {
        using var buffer = Bridge.Buffers.Rent(64);

        await Assert.ThrowsAsync<ArgumentException>(() => Bridge.InvokeAsync(context => context.ToNumPy<double>(buffer, 100).IsNone()));
        var error = await Assert.ThrowsAsync<PythonCallException>(() => Bridge.InvokeAsync(context => context.ToNumPy(buffer, "float64", 100).IsNone()));
        Assert.Equal("TypeError", error.PythonType);
        Assert.Contains("too small", error.PythonMessage);
    }

    [Fact]
    public async Task The_interpreter_is_debians_with_its_numpy()
    {
        var (executable, numpyFile, path) = await Bridge.InvokeAsync(context =>
        {
            using var sys = context.Import("sys");
            using var numpy = context.Import("numpy");
            return (sys.GetAttr("executable").ToString(), numpy.GetAttr("__file__").ToString(), sys.GetAttr("path").ToString());
        });

        Assert.Equal("/usr/bin/python3", executable);
        Assert.StartsWith("/usr/lib/python3/dist-packages/numpy/", numpyFile);
        Assert.DoesNotContain("pyenv", path);
        Assert.StartsWith("3.11.", Bridge.PythonVersion);
        Assert.NotNull(Bridge.NumPyVersion);
    }
}

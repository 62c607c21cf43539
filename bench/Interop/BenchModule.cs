using Hms.Interop.Bridge;
using Python.Runtime;

namespace Hms.Interop.Bench;

/// <summary>The Python side of the baselines, loaded once as the module hms_bench.</summary>
internal sealed class BenchModule
{
    private const string Source = """
        import ctypes
        import numpy as np

        def increment(x):
            return x + 1

        def copy_bytes(address, nbytes):
            # One memcpy into a bytes object, which NumPy then wraps: the cheapest copying handover.
            return np.frombuffer(ctypes.string_at(address, nbytes), np.float64)

        def from_list(values):
            return np.array(values, np.float64)
        """;

    private BenchModule(PyObject increment, PyObject copyBytes, PyObject fromList)
    {
        Increment = increment;
        CopyBytes = copyBytes;
        FromList = fromList;
    }

    /// <summary>Used on the Python thread only, inside calls.</summary>
    public PyObject Increment { get; }

    public PyObject CopyBytes { get; }

    public PyObject FromList { get; }

    public static Task<BenchModule> LoadAsync(PythonBridge bridge) => bridge.InvokeAsync(_ =>
    {
        var module = PyModule.FromString("hms_bench", Source);
        return new BenchModule(module.GetAttr("increment"), module.GetAttr("copy_bytes"), module.GetAttr("from_list"));
    });
}

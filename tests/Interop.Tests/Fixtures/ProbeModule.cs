using Hms.Interop.Bridge;
using Python.Runtime;

namespace Hms.Interop.Tests.Fixtures;

/// <summary>Python functions the tests call, registered once per process as the module hms_test_probe.</summary>
internal static class ProbeModule
{
    public const string Name = "hms_test_probe";

    private const string Source = """
        import sys

        kept = []

        def scale(array, factor):
            array *= factor

        def address(array):
            return array.__array_interface__["data"][0]

        def shape(array):
            return tuple(array.shape)

        def keep(array):
            kept.append(array[1:])

        def release():
            kept.clear()

        def fail(message):
            raise ValueError(message)

        def exit(code):
            sys.exit(code)

        def recurse(depth=0):
            return recurse(depth + 1)

        def fail_with_view(array):
            local_view = array[::2]
            raise KeyError("with a view in the frame")
        """;

    private static readonly Lock s_sync = new();
    private static Task? s_registered;

    public static Task RegisterAsync(PythonBridge bridge)
    {
        lock (s_sync)
        {
            return s_registered ??= bridge.InvokeAsync(_ =>
            {
                using var module = PyModule.FromString(Name, Source);
                using var sys = Py.Import("sys");
                using var modules = sys.GetAttr("modules");
                modules.SetItem(Name, module);
            });
        }
    }
}

using Hms.Interop.Hosting;

namespace Hms.Interop.Tests.Fixtures;

/// <summary>Bridge options for tests: the production interpreter, segments under their own prefix and small.</summary>
internal static class TestOptions
{
    /// <summary>Test segments never mix with a running service's (prefix "hms"), whose sweep ignores them too.</summary>
    public const string Prefix = "hms-test";

    public static PythonBridgeOptions Bridge(long segmentBytes = 1 << 20) => new()
    {
        SharedMemory = { Prefix = Prefix, SegmentBytes = segmentBytes, MaxBytes = 256L << 20 },
    };
}

namespace Hms.Interop.Bridge;

/// <summary>The NumPy dtype that has the same layout as a .NET element type.</summary>
internal static class NumPyTypes
{
    public static string Of<T>() where T : unmanaged => typeof(T) switch
    {
        var t when t == typeof(double) => "float64",
        var t when t == typeof(float) => "float32",
        var t when t == typeof(Half) => "float16",
        var t when t == typeof(long) => "int64",
        var t when t == typeof(int) => "int32",
        var t when t == typeof(short) => "int16",
        var t when t == typeof(sbyte) => "int8",
        var t when t == typeof(ulong) => "uint64",
        var t when t == typeof(uint) => "uint32",
        var t when t == typeof(ushort) => "uint16",
        var t when t == typeof(byte) => "uint8",
        var t when t == typeof(bool) => "bool",
        var t => throw new ArgumentException($"{t.Name} has no NumPy dtype; pass the dtype as a string."),
    };
}

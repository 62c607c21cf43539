namespace Hms.Interop.Bench;

/// <summary>Microseconds to give NumPy one array of <paramref name="Bytes"/>, per way of doing it.</summary>
internal sealed record HandoverResult(int Bytes, double ZeroCopy, double CopyBytes, double CopyList, double Memcpy);

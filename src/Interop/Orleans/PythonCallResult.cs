namespace Hms.Interop.Orleans;

/// <summary>The function's return value as JSON (NumPy scalars become plain numbers; arrays belong in a buffer).</summary>
[GenerateSerializer, Immutable]
public sealed record PythonCallResult([property: Id(0)] string Json);

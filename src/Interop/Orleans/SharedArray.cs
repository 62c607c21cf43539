using System.Collections.Immutable;
using Hms.Interop.SharedMemory;

namespace Hms.Interop.Orleans;

/// <summary>A leased buffer seen as a NumPy array of <paramref name="DType"/>; an empty shape means 1-D, as many as fit.</summary>
[GenerateSerializer, Immutable]
public sealed record SharedArray(
    [property: Id(0)] SharedBufferHandle Buffer,
    [property: Id(1)] string DType,
    [property: Id(2)] ImmutableArray<int> Shape);

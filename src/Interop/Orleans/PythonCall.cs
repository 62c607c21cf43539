using System.Collections.Immutable;

namespace Hms.Interop.Orleans;

/// <summary>
/// A call that crosses a grain boundary as data: <c>Module.Function(*Arrays, **json.loads(ArgumentsJson))</c>.
/// Arrays are zero-copy views of the caller's leased buffers (results go back by writing into one of them);
/// plain arguments travel as one JSON object.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PythonCall(
    [property: Id(0)] string Module,
    [property: Id(1)] string Function,
    [property: Id(2)] ImmutableArray<SharedArray> Arrays,
    [property: Id(3)] string ArgumentsJson = "{}");

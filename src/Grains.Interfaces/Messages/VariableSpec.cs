using Hms.Proving;

namespace Hms.Grains.Messages;

[GenerateSerializer, Immutable, Alias("hms.VariableSpec")]
public sealed record VariableSpec([property: Id(0)] string Name, [property: Id(1)] Sort Sort);

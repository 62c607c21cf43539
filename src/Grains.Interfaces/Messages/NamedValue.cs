namespace Hms.Grains.Messages;

[GenerateSerializer, Immutable, Alias("hms.NamedValue")]
public sealed record NamedValue([property: Id(0)] string Name, [property: Id(1)] string Value);

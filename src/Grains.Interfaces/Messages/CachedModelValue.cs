namespace Hms.Grains.Messages;

/// <summary>A model value kept in the proof cache: "bool", "rational" (p/q) or "algebraic".</summary>
[GenerateSerializer, Immutable, Alias("hms.CachedModelValue")]
public sealed record CachedModelValue(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Text,
    [property: Id(3)] string? Exact);

namespace Hms.Grains.Messages;

/// <summary>A page of theorem ids in id order; <see cref="NextAfter"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("hms.CatalogPage")]
public sealed record CatalogPage(
    [property: Id(0)] IReadOnlyList<string> TheoremIds,
    [property: Id(1)] string? NextAfter);

using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

/// <summary>What the catalog knows of a theorem: enough to list, filter and recover it.</summary>
[GenerateSerializer, Immutable, Alias("hms.CatalogEntry")]
public sealed record CatalogEntry(
    [property: Id(0)] string TheoremId,
    [property: Id(1)] string? Domain,
    [property: Id(2)] TheoremStatus Status);

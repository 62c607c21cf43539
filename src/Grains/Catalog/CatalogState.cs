using Hms.Grains.Messages;

namespace Hms.Grains.Catalog;

[GenerateSerializer, Alias("hms.CatalogState")]
public sealed class CatalogState
{
    /// <summary>Entries by theorem id, in ordinal id order: the order pages are cut in.</summary>
    [Id(0)] public SortedDictionary<string, CatalogEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}

using Hms.Grains.Messages;

namespace Hms.Grains.Theorems;

/// <summary>
/// A theorem's document, stored apart from its status so that it is written once per submission: the status
/// changes several times per proof, and a large document would otherwise be rewritten each time.
/// </summary>
[GenerateSerializer, Alias("hms.TheoremDocumentState")]
public sealed class TheoremDocumentState
{
    [Id(0)] public TheoremSpec? Spec { get; set; }
}

using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Hms.Agents.Tools;

[McpServerResourceType]
internal sealed class LanguageResource
{
    [McpServerResource(UriTemplate = LanguageReference.Uri, Name = "language", Title = "The theorem language", MimeType = LanguageReference.MimeType)]
    [Description("How to write a theorem for this prover: formulas, sorts, verdicts, limits.")]
    public static string Language() => LanguageReference.Markdown;
}

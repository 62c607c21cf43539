using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Hms.Agents.Tools;

/// <summary>The language reference as a tool, for clients that call tools but do not read resources.</summary>
[McpServerToolType]
internal sealed class LanguageTools
{
    [McpServerTool(Name = "explain_language", Title = "The theorem language", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Returns the reference of the theorem language (Markdown): the formula syntax, sorts, what PROVED and DISPROVED " +
        "mean, and the input limits. Read it before writing a first theorem. Also the resource " + LanguageReference.Uri + ".")]
    public static string ExplainLanguage() => LanguageReference.Markdown;
}

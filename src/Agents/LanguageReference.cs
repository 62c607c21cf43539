using System.Reflection;

namespace Hms.Agents;

/// <summary>docs/language.md, embedded at build: the one copy of the language reference, read once.</summary>
internal static class LanguageReference
{
    public const string Uri = "hms://docs/language";
    public const string MimeType = "text/markdown";

    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hms.Agents.language.md")
            ?? throw new InvalidOperationException("the language reference was not embedded in Hms.Agents");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Markdown => Text.Value;
}

namespace Hms.Frontend.Validation;

/// <summary>Keeps echoed user text short: a message must not grow with a 16 MiB request.</summary>
internal static class Quote
{
    private const int MaxLength = 64;

    public static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}

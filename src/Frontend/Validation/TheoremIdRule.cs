using Hms.Proving.Documents;

namespace Hms.Frontend.Validation;

/// <summary>
/// The core's id rule, repeated here because the core keeps its own internal: ids become grain keys and
/// page tokens, so a bad one is refused before it reaches a grain.
/// </summary>
internal static class TheoremIdRule
{
    public static readonly string Description =
        $"1 to {DocumentLimits.MaxIdLength} ASCII letters, digits, '_', '-' or '.'";

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= DocumentLimits.MaxIdLength
        && id is not "." and not ".."
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>Null when <paramref name="id"/> is a valid id, else what is wrong with it.</summary>
    public static string? Check(string id, string field) =>
        id.Length == 0 ? $"{field} is required"
        : IsValid(id) ? null
        : $"{field} '{Quote.Shorten(id)}' is not a theorem id ({Description})";
}

namespace Hms.Proving.Documents.Reading;

/// <summary>What makes a theorem id acceptable.</summary>
internal static class TheoremIds
{
    public static readonly string Rule =
        $"1 to {DocumentLimits.MaxIdLength} ASCII letters, digits, '_', '-' or '.'";

    /// <summary>
    /// Ids end up in file names, URLs and grain keys, hence the narrow alphabet; "." and ".."
    /// are refused because they would name directories there.
    /// </summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= DocumentLimits.MaxIdLength
        && id is not "." and not ".."
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}

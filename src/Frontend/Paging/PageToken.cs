using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Hms.Frontend.Validation;

namespace Hms.Frontend.Paging;

/// <summary>
/// The ListTheorems cursor: the last id of the previous page behind a version tag, base64url-encoded.
/// Clients must treat it as opaque; the tag lets a later version change the cursor and still recognise
/// (and refuse) tokens it no longer understands.
/// </summary>
internal static class PageToken
{
    private const string Version = "v1:";

    public static string Encode(string afterId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + afterId));

    /// <summary>The id the next page starts after; false for anything <see cref="Encode"/> did not make.</summary>
    public static bool TryDecode(string token, [NotNullWhen(true)] out string? afterId)
    {
        afterId = null;
        // An id is at most 128 ASCII characters, so a longer token cannot be ours; never decode unbounded input.
        if (token.Length > 256 || !Base64Url.IsValid(token))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }

        if (!text.StartsWith(Version, StringComparison.Ordinal) || !TheoremIdRule.IsValid(text[Version.Length..]))
        {
            return false;
        }

        afterId = text[Version.Length..];
        return true;
    }
}

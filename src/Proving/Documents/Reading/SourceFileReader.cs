using System.Buffers;
using System.Text.Unicode;

namespace Hms.Proving.Documents.Reading;

/// <summary>Reads a theorem file's text within <see cref="DocumentLimits.MaxFileBytes"/>.</summary>
internal static class SourceFileReader
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The file's text without a byte-order mark, or null when it cannot be used (the reason is reported).</summary>
    public static string? Read(string path, ErrorCollector errors)
    {
        try
        {
            if (Directory.Exists(path))
            {
                errors.Add(null, SourcePosition.None, "this is a directory (expected a theorem file)");
                return null;
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(null, SourcePosition.None, "file not found");
                return null;
            }

            if (info.Length > DocumentLimits.MaxFileBytes)
            {
                errors.Add(null, SourcePosition.None, TooLarge(info.Length));
                return null;
            }

            return Decode(ReadBounded(path), errors);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            errors.Add(null, SourcePosition.None, $"cannot read the file: {exception.Message}");
            return null;
        }
    }

    /// <param name="bytes">The size, or null when only known to exceed the limit.</param>
    public static string TooLarge(long? bytes) =>
        $"the file is {(bytes is null ? "" : $"{bytes} bytes, ")}larger than the limit of {DocumentLimits.MaxFileBytes} bytes (10 MiB)";

    /// <summary>
    /// Reads at most one byte past the limit, since the size checked above may be stale (the file
    /// may grow) or meaningless (devices and pipes report 0).
    /// </summary>
    private static byte[]? ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > DocumentLimits.MaxFileBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static string? Decode(byte[]? bytes, ErrorCollector errors)
    {
        if (bytes is null)
        {
            errors.Add(null, SourcePosition.None, TooLarge(null));
            return null;
        }

        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..])
        {
            errors.Add(null, SourcePosition.None, "the file is UTF-16 encoded (expected UTF-8)");
            return null;
        }

        var body = bytes.AsSpan(bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0);
        var chars = new char[body.Length];
        var status = Utf8.ToUtf16(body, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // Decoding strictly, so that a mis-encoded file is an error rather than silently altered formulas.
            var line = body[..bytesRead].Count((byte)'\n') + 1;
            errors.Add(null, new SourcePosition(line, 0), "the file is not valid UTF-8 (expected UTF-8 text)");
            return null;
        }

        return new string(chars, 0, charsWritten);
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hms.Proving.Documents;

/// <summary>Feeds length-prefixed fields to a hash, so that no two different field sequences share an encoding.</summary>
internal readonly struct HashFieldWriter(IncrementalHash hash)
{
    public void Number(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    /// <summary>Writes a text field; null is distinct from every string, including the empty one.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Number(-1);
            return;
        }

        // Surrounding whitespace and line-ending style depend on how the YAML was written
        // (quoted vs. block scalar, CRLF files), never on what the theorem says.
        var canonical = Encoding.UTF8.GetBytes(value.ReplaceLineEndings("\n").Trim());
        Number(canonical.Length);
        hash.AppendData(canonical);
    }
}

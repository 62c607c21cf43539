using Google.Protobuf.WellKnownTypes;
using Hms.Frontend.V1;

namespace Hms.Frontend.Mapping;

/// <summary>GetTheorem's read_mask: paths are Theorem field names, nested ones dotted ("proof.strategy").</summary>
internal static class TheoremReadMask
{
    /// <summary>Null when every path names a field of Theorem, else the first that does not.</summary>
    public static string? Check(FieldMask? mask)
    {
        foreach (var path in mask?.Paths ?? [])
        {
            if (!FieldMask.IsValid(Theorem.Descriptor, path))
            {
                return $"read_mask: unknown path '{Validation.Quote.Shorten(path)}' (paths are Theorem field names such as status or counterexample)";
            }
        }

        return null;
    }

    /// <summary>Only the masked fields of <paramref name="full"/>; an absent or empty mask keeps everything.</summary>
    public static Theorem Apply(FieldMask? mask, Theorem full)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return full;
        }

        var masked = new Theorem();
        mask.Merge(full, masked);
        return masked;
    }
}

using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Hms.Frontend.V1;
using Hms.Frontend.Validation;

namespace Hms.Frontend.Mapping;

/// <summary>GetTheorem's read_mask: paths are Theorem field names, nested ones dotted ("proof.strategy").</summary>
/// <remarks>
/// Paths are checked with <see cref="FieldMask.IsValid(MessageDescriptor, string)"/>, but copied here rather
/// than with <see cref="FieldMask.Merge(IMessage, IMessage)"/>: that one casts map fields to IList and
/// throws, and Theorem has three maps (metadata, variables, counterexample.assignment).
/// </remarks>
internal static class TheoremReadMask
{
    /// <summary>Null when every path names a field of Theorem, else the first that does not.</summary>
    public static string? Check(FieldMask? mask)
    {
        foreach (var path in mask?.Paths ?? [])
        {
            if (!FieldMask.IsValid(Theorem.Descriptor, path))
            {
                return $"read_mask: unknown path '{Quote.Shorten(path)}' (paths are Theorem field names such as status or counterexample)";
            }
        }

        return null;
    }

    /// <summary>Only the masked fields of <paramref name="full"/>; an absent or empty mask keeps everything.</summary>
    /// <remarks>Submessages are shared with <paramref name="full"/>, which callers build for this reply only.</remarks>
    public static Theorem Apply(FieldMask? mask, Theorem full)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return full;
        }

        var masked = new Theorem();
        // Normalised: each path once and none under another, so no list is copied twice.
        foreach (var path in mask.Normalize().Paths)
        {
            Copy(full, masked, path.Split('.'), 0);
        }

        return masked;
    }

    private static void Copy(IMessage source, IMessage destination, string[] names, int depth)
    {
        var field = source.Descriptor.FindFieldByName(names[depth]);
        var accessor = field.Accessor;
        if (depth < names.Length - 1)
        {
            // A valid path only passes through singular message fields.
            if (accessor.GetValue(source) is not IMessage inner)
            {
                return;
            }

            if (accessor.GetValue(destination) is not IMessage target)
            {
                target = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                accessor.SetValue(destination, target);
            }

            Copy(inner, target, names, depth + 1);
            return;
        }

        if (field.IsMap)
        {
            var to = (IDictionary)accessor.GetValue(destination);
            foreach (DictionaryEntry entry in (IDictionary)accessor.GetValue(source))
            {
                to[entry.Key] = entry.Value;
            }
        }
        else if (field.IsRepeated)
        {
            var to = (IList)accessor.GetValue(destination);
            foreach (var item in (IList)accessor.GetValue(source))
            {
                to.Add(item);
            }
        }
        else if (field.FieldType != FieldType.Message || accessor.GetValue(source) is not null)
        {
            // An unset message (or oneof member) stays unset rather than becoming an empty one.
            accessor.SetValue(destination, accessor.GetValue(source));
        }
    }
}

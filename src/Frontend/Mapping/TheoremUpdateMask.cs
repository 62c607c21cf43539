using System.Collections;
using Google.Protobuf.WellKnownTypes;
using Hms.Frontend.V1;
using Hms.Frontend.Validation;

namespace Hms.Frontend.Mapping;

/// <summary>
/// UpdateTheorem's update_mask: top-level input fields of Theorem, each replaced as a whole (a map or list with
/// all its entries), the others kept. The id names the theorem and is not a path; output fields are refused.
/// </summary>
internal static class TheoremUpdateMask
{
    /// <summary>The fields a client may change: the document's, as SubmitTheorem takes them.</summary>
    public static readonly IReadOnlySet<string> Inputs = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "statement", "lean_code", "assumptions", "domain", "metadata", "format", "variables", "timeout_seconds",
        "strategies", "use_genetic_optimization", "definitions",
    };

    /// <summary>Null when the mask is non-empty and names only input fields, else what is wrong, naming the path.</summary>
    public static string? Check(FieldMask? mask)
    {
        if (mask is not { Paths.Count: > 0 })
        {
            return "update_mask is required: the Theorem fields to change, e.g. assumptions or timeout_seconds";
        }

        foreach (var path in mask.Paths)
        {
            if (Inputs.Contains(path))
            {
                continue;
            }

            return path == "id" ? "update_mask: 'id' cannot be changed (theorem.id names the theorem to update)"
                : Theorem.Descriptor.FindFieldByName(path) is not null
                    ? $"update_mask: '{path}' is output only (changeable: {string.Join(", ", Inputs)})"
                    : $"update_mask: unknown path '{Quote.Shorten(path)}' (changeable: {string.Join(", ", Inputs)})";
        }

        return null;
    }

    /// <summary>
    /// <paramref name="stored"/> with the masked fields taken from <paramref name="changes"/>; a mask that
    /// <see cref="Check"/> accepted. <paramref name="stored"/> is changed and returned.
    /// </summary>
    public static Theorem Apply(FieldMask mask, Theorem stored, Theorem changes)
    {
        foreach (var path in mask.Paths)
        {
            var field = Theorem.Descriptor.FindFieldByName(path);
            var accessor = field.Accessor;
            if (field.IsMap)
            {
                var to = (IDictionary)accessor.GetValue(stored);
                to.Clear();
                foreach (DictionaryEntry entry in (IDictionary)accessor.GetValue(changes))
                {
                    to[entry.Key] = entry.Value;
                }
            }
            else if (field.IsRepeated)
            {
                var to = (IList)accessor.GetValue(stored);
                to.Clear();
                foreach (var item in (IList)accessor.GetValue(changes))
                {
                    to.Add(item);
                }
            }
            else
            {
                accessor.SetValue(stored, accessor.GetValue(changes));
            }
        }

        return stored;
    }
}

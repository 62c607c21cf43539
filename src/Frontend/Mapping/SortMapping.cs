using Hms.Proving;

namespace Hms.Frontend.Mapping;

/// <summary>Variable sorts as the wire spells them: exactly "Real", "Int" or "Bool", as in theorem files.</summary>
internal static class SortMapping
{
    public const string Expected = "Real, Int or Bool";

    public static bool TryParse(string text, out Sort sort)
    {
        (var known, sort) = text switch
        {
            "Real" => (true, Sort.Real),
            "Int" => (true, Sort.Int),
            "Bool" => (true, Sort.Bool),
            _ => (false, Sort.Real),
        };
        return known;
    }

    public static string ToWire(Sort sort) => sort switch
    {
        Sort.Real => "Real",
        Sort.Int => "Int",
        Sort.Bool => "Bool",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };
}

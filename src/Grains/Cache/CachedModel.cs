using Hms.Grains.Messages;
using Hms.Proving.Numbers;
using Hms.Proving.Solvers;

namespace Hms.Grains.Cache;

/// <summary>Converts solver models to and from the cache's stored form.</summary>
internal static class CachedModel
{
    public static IReadOnlyList<CachedModelValue> From(IReadOnlyDictionary<string, ModelValue>? model) =>
        model is null ? [] : [.. model.Select(kv => kv.Value switch
        {
            BoolModelValue b => new CachedModelValue(kv.Key, "bool", b.Value ? "true" : "false", null),
            RationalModelValue r => new CachedModelValue(kv.Key, "rational", r.Value.ToString(), null),
            AlgebraicModelValue a => new CachedModelValue(kv.Key, "algebraic", a.Decimal, a.Exact),
            _ => new CachedModelValue(kv.Key, "unknown", "", null),
        })];

    public static IReadOnlyDictionary<string, ModelValue> ToModel(IReadOnlyList<CachedModelValue> values)
    {
        var model = new Dictionary<string, ModelValue>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            ModelValue? value = v.Kind switch
            {
                "bool" => new BoolModelValue(v.Text == "true"),
                "rational" when Rational.TryParse(v.Text, out var r) => new RationalModelValue(r),
                "algebraic" => new AlgebraicModelValue(v.Text, v.Exact ?? ""),
                _ => null,
            };
            if (value is not null) model[v.Symbol] = value;
        }
        return model;
    }
}

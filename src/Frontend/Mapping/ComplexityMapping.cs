using Hms.Frontend.V1;
using Hms.Proving.Compiling;

namespace Hms.Frontend.Mapping;

internal static class ComplexityMapping
{
    /// <summary>Null (not decomposed yet) is UNSPECIFIED.</summary>
    public static TheoremComplexity ToWire(Complexity? complexity) => complexity switch
    {
        null => TheoremComplexity.Unspecified,
        Complexity.Simple => TheoremComplexity.Simple,
        Complexity.Moderate => TheoremComplexity.Moderate,
        Complexity.Complex => TheoremComplexity.Complex,
        Complexity.VeryComplex => TheoremComplexity.VeryComplex,
        _ => throw new ArgumentOutOfRangeException(nameof(complexity), complexity, null),
    };
}

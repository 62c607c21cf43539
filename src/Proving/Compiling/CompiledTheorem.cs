using Hms.Proving.Documents;
using Hms.Proving.Obligations;

namespace Hms.Proving.Compiling;

/// <summary>A theorem understood: its variables, formulas, complexity and independent proof obligations.</summary>
public sealed record CompiledTheorem(
    TheoremDocument Document,
    IReadOnlyList<TheoremVariable> Variables,
    IReadOnlyList<Formula> Assumptions,
    Formula? Statement,
    Complexity Complexity,
    IReadOnlyList<Obligation> Obligations)
{
    /// <summary>What the compiler left out of the theorem and the user should know, e.g. an ignored option.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

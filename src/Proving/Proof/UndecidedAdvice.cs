using Hms.Proving.Compiling;
using Hms.Proving.Semantics;

namespace Hms.Proving.Proof;

/// <summary>
/// What an economist can do about an UNKNOWN. Goals with powers, roots, exp or log are decided through lemmas
/// over the terms present (docs/decision.md): when such a goal stays undecided (a timeout, or a model that is
/// no counterexample for the true functions) it usually lacks a bound or a fact the lemmas cannot supply, and
/// a longer timeout rarely changes that — so the theorem's reason says, once, what does.
/// </summary>
internal static class UndecidedAdvice
{
    public const string Transcendental =
        "no solver decides sqrt, exp, log or powers with symbolic exponents beyond the lemmas in docs/decision.md; " +
        "what to try: an assumption that bounds the variables inside them (e.g. 0 < a < 1, k > 0, x <= 100), " +
        "the fact the proof needs stated as an assumption (e.g. exp(x) >= 1 + x), or --genetic (a counterexample " +
        "search whose finds are certified by interval arithmetic); a longer --timeout rarely helps here";

    /// <summary>The advice for these undecided obligations of this theorem, or null when there is none to give.</summary>
    public static string? For(CompiledTheorem theorem, IEnumerable<ObligationResult> undecided)
    {
        if (!undecided.Any(o => o.Status == ObligationStatus.Unknown))
            return null;
        var formulas = theorem.Assumptions.Append(theorem.Statement).OfType<Obligations.Formula>();
        return formulas.Any(f => TranscendentalForms.Occur(f.Tree)) ? Transcendental : null;
    }
}

namespace Hms.Proving.Smt.Transcendental;

/// <summary>
/// The functions no solver we run decides: real powers x^e (also sqrt and x^(p/q)), exp and log (natural). Both
/// solvers get them as the same uninterpreted functions plus instantiated lemmas (docs/decision.md), never a
/// solver's native symbol: z3 4.8.12 and cvc5 1.0.3 have no log, cvc5 refuses a non-integer exponent, and one
/// query text for both keeps the proof cache's content hash meaningful. '!' never occurs in a variable's
/// symbol (SmtNames), so these cannot meet a user's name.
/// </summary>
public static class TranscendentalSymbols
{
    public const string Pow = "hms!pow";
    public const string Exp = "hms!exp";
    public const string Log = "hms!log";

    public static readonly IReadOnlyList<string> All = [Exp, Log, Pow];

    /// <summary>The declaration of <paramref name="symbol"/>: total functions over the reals.</summary>
    public static string Declaration(string symbol) =>
        symbol == Pow ? $"(declare-fun {Pow} (Real Real) Real)" : $"(declare-fun {symbol} (Real) Real)";
}

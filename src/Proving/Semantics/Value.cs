using Hms.Proving.Numbers;

namespace Hms.Proving.Semantics;

/// <summary>An exact value of a formula or term: a truth value or a rational number.</summary>
public readonly record struct Value(bool IsBool, bool Bool, Rational Number)
{
    public static Value Of(bool b) => new(true, b, Rational.Zero);
    public static Value Of(Rational r) => new(false, false, r);
    public override string ToString() => IsBool ? (Bool ? "true" : "false") : Number.ToString();
}

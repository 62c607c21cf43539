using Hms.Proving.Numbers;

namespace Hms.Proving.Semantics;

/// <summary>An exact value of a formula or term: a truth value or a rational number.</summary>
public readonly record struct Value(bool IsBool, bool Bool, Rational Number)
{
    /// <summary>The number; reading a truth value as a number is a bug (a captured name, say), never a silent 0.</summary>
    public Rational AsNumber => IsBool ? throw new InvalidOperationException("a truth value was read as a number") : Number;

    public bool AsBool => IsBool ? Bool : throw new InvalidOperationException("a number was read as a truth value");

    public static Value Of(bool b) => new(true, b, Rational.Zero);
    public static Value Of(Rational r) => new(false, false, r);
    public override string ToString() => IsBool ? (Bool ? "true" : "false") : Number.ToString();
}

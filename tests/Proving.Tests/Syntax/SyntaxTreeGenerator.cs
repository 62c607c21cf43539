using System.Numerics;
using CsCheck;
using Hms.Proving.Numbers;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Syntax;

/// <summary>
/// Random syntax trees of the infix language, any shape the parser can produce (sorts are not checked:
/// the grammar does not know them). Literals are never negative and always decimals, as in the language;
/// a chain a &lt; b &lt; c is not generated as such because the parser turns it into a conjunction.
/// </summary>
internal static class SyntaxTreeGenerator
{
    private static readonly SourcePosition Nowhere = default;

    // Ordinary names, names that look like other things (a function, a type, a keyword's prefix), and Unicode.
    private static readonly string[] Names = ["x", "y", "p", "q", "alpha", "x1", "_t", "abs", "Int", "iff2", "α", "qₘ"];

    private static readonly Gen<Expr> Number = Gen.OneOf(
        Gen.ULong[0, 1_000_000].Select(v => Literal(new BigInteger(v), BigInteger.One, integer: true)),
        Gen.Select(Gen.ULong, Gen.ULong).Select((a, b) => Literal(new BigInteger(a) * new BigInteger(b), BigInteger.One, integer: true)),
        Gen.Select(Gen.ULong[0, 100_000], Gen.Int[0, 12]).Select((v, places) => Literal(new BigInteger(v), BigInteger.Pow(10, places), integer: false)),
        Gen.Select(Gen.ULong[0, 1000], Gen.Int[0, 20]).Select((v, twos) => Literal(new BigInteger(v), BigInteger.Pow(2, twos), integer: false)));

    private static readonly Gen<Expr> Leaf = Gen.Frequency(
        (4, Gen.OneOf(Names).Select(n => (Expr)new NameExpr(Nowhere, 0, n))),
        (3, Number),
        (1, Gen.Bool.Select(b => (Expr)new BoolExpr(Nowhere, 0, b))));

    /// <summary>Trees at most <paramref name="depth"/> levels high.</summary>
    public static Gen<Expr> Tree(int depth)
    {
        var gen = Leaf;
        for (var level = 1; level <= depth; level++) gen = Node(gen);
        return gen;
    }

    private static Gen<Expr> Node(Gen<Expr> child) => Gen.Frequency(
        (2, Leaf),
        (1, Gen.Select(Gen.Enum<UnaryOperator>(), child).Select((op, e) => (Expr)new UnaryExpr(Nowhere, 0, op, e))),
        (5, Gen.Select(Gen.Enum<BinaryOperator>(), child, child).Select((op, l, r) => (Expr)new BinaryExpr(Nowhere, 0, op, l, r))),
        (2, Gen.Select(Gen.Enum<CompareOperator>(), child, child).Select((op, l, r) => (Expr)new CompareExpr(Nowhere, 0, op, l, r))),
        (1, Call(child)),
        (1, Gen.Select(child, child, child).Select((c, t, e) => (Expr)new IfExpr(Nowhere, 0, c, t, e))),
        (1, Quantifier(child)));

    private static Gen<Expr> Call(Gen<Expr> child) =>
        Gen.Enum<Function>().SelectMany(f => f is Function.Min or Function.Max
            ? child.Array[2, 4].Select(args => (Expr)new CallExpr(Nowhere, 0, f, args))
            : child.Select(arg => (Expr)new CallExpr(Nowhere, 0, f, [arg])));

    private static Gen<Expr> Quantifier(Gen<Expr> child) =>
        Gen.Select(Gen.Enum<Quantifier>(), Binders, child)
            .Select((q, binders, body) => (Expr)new QuantifierExpr(Nowhere, 0, q, binders, body));

    // One quantifier binds each name once (the parser rejects a repeat).
    private static readonly Gen<IReadOnlyList<Binder>> Binders =
        Gen.Select(Gen.OneOf(Names).Array[1, 4], Gen.OneOf(Sort.Real, Sort.Int, Sort.Bool).Array[4])
            .Select((names, sorts) => (IReadOnlyList<Binder>)names.Distinct(StringComparer.Ordinal)
                .Select((n, i) => new Binder(n, sorts[i], Nowhere)).ToList());

    private static Expr Literal(BigInteger numerator, BigInteger denominator, bool integer) =>
        new NumberExpr(Nowhere, 0, new Rational(numerator, denominator), integer);
}

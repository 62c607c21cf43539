using Hms.Proving.Numbers;

namespace Hms.Proving.Smt.Transcendental;

/// <summary>Building blocks of lemmas: SMT-LIB terms over the reals, printed canonically.</summary>
internal static class LemmaTerms
{
    public static readonly SExpr Zero = new SAtom("0.0");
    public static readonly SExpr One = new SAtom("1.0");
    public static readonly SExpr MinusOne = Op("-", One);

    public static SExpr Op(string head, params SExpr[] items) => new SList([new SSymbol(head), .. items]);

    public static SExpr Pow(SExpr x, SExpr e) => Op(TranscendentalSymbols.Pow, x, e);
    public static SExpr Exp(SExpr a) => Op(TranscendentalSymbols.Exp, a);
    public static SExpr Log(SExpr x) => Op(TranscendentalSymbols.Log, x);

    public static SExpr Implies(SExpr condition, SExpr consequence) => Op("=>", condition, consequence);
    public static SExpr And(params SExpr[] items) => items.Length == 1 ? items[0] : Op("and", items);

    public static SExpr Number(Rational r) => SExprReader.ParseAll(r.ToSmtReal())[0];

    /// <summary>x·x·…·x (n ≥ 1 copies).</summary>
    public static SExpr Product(SExpr x, int n) => n == 1 ? x : Op("*", Enumerable.Repeat(x, n).ToArray());

    /// <summary>The value of a constant the encoder wrote (1.0, (/ 1.0 2.0), (- 3.0)), or null.</summary>
    public static Rational? Constant(SExpr term) => term switch
    {
        SAtom a when Rational.TryParse(a.Text, out var value) => value,
        SList { Items: [SSymbol { Name: "-" }, var operand] } => Constant(operand) is { } v ? -v : null,
        SList { Items: [SSymbol { Name: "/" }, var n, var d] } when Constant(n) is { } a && Constant(d) is { IsZero: false } b => a / b,
        _ => null,
    };

    public static bool Is(SExpr term, string head) => term.Head == head;
}

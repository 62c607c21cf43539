using static Hms.Proving.Smt.Transcendental.LemmaTerms;

namespace Hms.Proving.Smt.Transcendental;

/// <summary>
/// Lemmas that take a term apart by the shape of its argument: the normalisation of products of powers
/// ((t·k)^a = t^a·k^a, (x/y)^a·y^a = x^a, (x^a)^b = x^(a·b)), the laws of exp and log (exp(a+b) = exp a·exp b,
/// log(x·y) = log x + log y, log(x^e) = e·log x, log(exp a) = a, exp(log x) = x) and, where the formula has
/// exp or log, x^e = exp(e·log x). Each one is an identity of real analysis under its guard.
/// </summary>
internal sealed class StructuralLemmas(TranscendentalLemmas.TermSet terms, Action<SExpr> emit, bool linkToExp)
{
    public void About(SExpr term)
    {
        switch (term)
        {
            case SList { Items: [SSymbol { Name: TranscendentalSymbols.Pow }, var x, var e] }:
                AboutPower(term, x, e);
                break;
            case SList { Items: [SSymbol { Name: TranscendentalSymbols.Exp }, var a] }:
                AboutExp(term, a);
                break;
            case SList { Items: [SSymbol { Name: TranscendentalSymbols.Log }, var x] }:
                AboutLog(term, x);
                break;
        }
    }

    private void AboutPower(SExpr p, SExpr x, SExpr e)
    {
        if (x is SList { Items: [SSymbol { Name: "*" }, _, _, ..] } product)
        {
            var factors = product.Items.Skip(1).ToList();
            // (u·v)^e = u^e·v^e for u, v > 0; also for u, v ≥ 0 when e > 0 (both sides 0 when a factor is 0).
            var positive = And([.. factors.Select(f => Op(">", f, Zero))]);
            var nonNegative = And([.. factors.Select(f => Op(">=", f, Zero)), Op(">", e, Zero)]);
            var split = Op("*", [.. factors.Select(f => terms.Add(Pow(f, e)))]);
            emit(Implies(Op("or", positive, nonNegative), Op("=", p, split)));
        }
        if (x is SList { Items: [SSymbol { Name: "/" }, var u, var v] })
        {
            // (u/v)^e·v^e = u^e for u, v > 0.
            emit(Implies(And(Op(">", u, Zero), Op(">", v, Zero)), Op("=", Op("*", p, terms.Add(Pow(v, e))), terms.Add(Pow(u, e)))));
        }
        if (x is SList { Items: [SSymbol { Name: TranscendentalSymbols.Pow }, var y, var f] })
        {
            // (y^f)^e = y^(f·e) for y > 0 (then y^f > 0, so the outer power is defined for every e).
            emit(Implies(Op(">", y, Zero), Op("=", p, terms.Add(Pow(y, Op("*", f, e))))));
        }
        if (x is SList { Items: [SSymbol { Name: TranscendentalSymbols.Exp }, var a] })
        {
            // exp(a)^e = exp(a·e) for every a and e (exp(a) > 0).
            emit(Op("=", p, terms.Add(Exp(Op("*", a, e)))));
        }
        if (linkToExp)
        {
            // x^e = exp(e·log x) for x > 0: the definition of a real power.
            emit(Implies(Op(">", x, Zero), Op("=", p, terms.Add(Exp(Op("*", e, terms.Add(Log(x))))))));
        }
    }

    private void AboutExp(SExpr term, SExpr a)
    {
        switch (a)
        {
            case SList { Items: [SSymbol { Name: "+" }, _, _, ..] } sum:
                // exp(u + v + …) = exp(u)·exp(v)·…, for all reals.
                var addends = sum.Items.Skip(1).ToList();
                emit(Op("=", term, Op("*", [.. addends.Select(u => terms.Add(Exp(u)))])));
                break;
            case SList { Items: [SSymbol { Name: "-" }, var u, var v] }:
                // exp(u − v)·exp(v) = exp(u).
                emit(Op("=", Op("*", term, terms.Add(Exp(v))), terms.Add(Exp(u))));
                break;
            case SList { Items: [SSymbol { Name: "-" }, var u] }:
                // exp(−u)·exp(u) = 1.
                emit(Op("=", Op("*", term, terms.Add(Exp(u))), One));
                break;
            case SList { Items: [SSymbol { Name: TranscendentalSymbols.Log }, var y] }:
                // exp(log y) = y for y > 0.
                emit(Implies(Op(">", y, Zero), Op("=", term, y)));
                break;
        }
    }

    private void AboutLog(SExpr term, SExpr x)
    {
        switch (x)
        {
            case SList { Items: [SSymbol { Name: "*" }, _, _, ..] } product:
                // log(u·v·…) = log u + log v + … for u, v, … > 0.
                var factors = product.Items.Skip(1).ToList();
                emit(Implies(And([.. factors.Select(f => Op(">", f, Zero))]),
                    Op("=", term, Op("+", [.. factors.Select(f => terms.Add(Log(f)))]))));
                break;
            case SList { Items: [SSymbol { Name: "/" }, var u, var v] }:
                // log(u/v) = log u − log v for u, v > 0.
                emit(Implies(And(Op(">", u, Zero), Op(">", v, Zero)), Op("=", term, Op("-", terms.Add(Log(u)), terms.Add(Log(v))))));
                break;
            case SList { Items: [SSymbol { Name: TranscendentalSymbols.Pow }, var y, var e] }:
                // log(y^e) = e·log y for y > 0.
                emit(Implies(Op(">", y, Zero), Op("=", term, Op("*", e, terms.Add(Log(y))))));
                break;
            case SList { Items: [SSymbol { Name: TranscendentalSymbols.Exp }, var a] }:
                // log(exp a) = a for all reals.
                emit(Op("=", term, a));
                break;
        }
        // y = log x is the number with exp(y) = x, for x > 0 (how log is defined from exp).
        emit(Implies(Op(">", x, Zero), Op("=", terms.Add(Exp(term)), x)));
    }
}

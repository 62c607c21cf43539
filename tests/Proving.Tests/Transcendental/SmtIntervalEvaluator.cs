using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Smt;
using Hms.Proving.Smt.Transcendental;

namespace Hms.Proving.Tests.Transcendental;

/// <summary>
/// Evaluates a lemma (SMT-LIB text over the reals) at exact values with the TRUE functions behind hms!pow,
/// hms!exp and hms!log, by interval arithmetic and three-valued logic. A lemma is sound when this never finds
/// it False. Out-of-domain applications are Unknown, so only guarded uses can be decided.
/// </summary>
internal sealed class SmtIntervalEvaluator(IReadOnlyDictionary<string, Rational> values, int bits = 256)
{
    private sealed class Undecided : Exception;

    public Truth Truth(SExpr term)
    {
        try
        {
            return Bool(term);
        }
        catch (Undecided)
        {
            return Checking.Intervals.Truth.Unknown;
        }
    }

    private Truth Bool(SExpr term)
    {
        if (term is SSymbol { Name: "true" }) return Checking.Intervals.Truth.True;
        if (term is SSymbol { Name: "false" }) return Checking.Intervals.Truth.False;
        var list = (SList)term;
        var head = list.Head!;
        var args = list.Items.Skip(1).ToList();
        switch (head)
        {
            case "not": return Not(Truth(args[0]));
            case "and":
            {
                var all = args.Select(Truth).ToList();
                return all.Contains(Checking.Intervals.Truth.False) ? Checking.Intervals.Truth.False
                    : all.All(t => t == Checking.Intervals.Truth.True) ? Checking.Intervals.Truth.True : Checking.Intervals.Truth.Unknown;
            }
            case "or":
            {
                var all = args.Select(Truth).ToList();
                return all.Contains(Checking.Intervals.Truth.True) ? Checking.Intervals.Truth.True
                    : all.All(t => t == Checking.Intervals.Truth.False) ? Checking.Intervals.Truth.False : Checking.Intervals.Truth.Unknown;
            }
            case "=>":
            {
                var condition = Truth(args[0]);
                if (condition == Checking.Intervals.Truth.False) return Checking.Intervals.Truth.True;
                var consequence = Truth(args[1]);
                return condition == Checking.Intervals.Truth.True || consequence == Checking.Intervals.Truth.True
                    ? consequence : Checking.Intervals.Truth.Unknown;
            }
        }
        var a = Number(args[0]);
        var b = Number(args[1]);
        return head switch
        {
            "<" => a.Hi < b.Lo ? Checking.Intervals.Truth.True : a.Lo >= b.Hi ? Checking.Intervals.Truth.False : Checking.Intervals.Truth.Unknown,
            "<=" => a.Hi <= b.Lo ? Checking.Intervals.Truth.True : a.Lo > b.Hi ? Checking.Intervals.Truth.False : Checking.Intervals.Truth.Unknown,
            ">" => b.Hi < a.Lo ? Checking.Intervals.Truth.True : b.Lo >= a.Hi ? Checking.Intervals.Truth.False : Checking.Intervals.Truth.Unknown,
            ">=" => b.Hi <= a.Lo ? Checking.Intervals.Truth.True : b.Lo > a.Hi ? Checking.Intervals.Truth.False : Checking.Intervals.Truth.Unknown,
            "=" => a.IsPoint && b.IsPoint && a.Lo == b.Lo ? Checking.Intervals.Truth.True
                : a.Hi < b.Lo || b.Hi < a.Lo ? Checking.Intervals.Truth.False : Checking.Intervals.Truth.Unknown,
            _ => throw new InvalidOperationException($"unexpected {head}"),
        };
    }

    private Interval Number(SExpr term)
    {
        switch (term)
        {
            case SAtom atom: return Interval.Point(Rational.Parse(atom.Text));
            case SSymbol symbol: return Interval.Point(values[symbol.Name]);
        }
        var list = (SList)term;
        var args = list.Items.Skip(1).Select(Number).ToList();
        switch (list.Head)
        {
            case "+": return args.Aggregate((x, y) => (x + y).Round(bits));
            case "-": return args.Count == 1 ? -args[0] : args.Aggregate((x, y) => (x - y).Round(bits));
            case "*": return args.Aggregate((x, y) => (x * y).Round(bits));
            case "/": return args[1].ContainsZero ? throw new Undecided() : (args[0] * args[1].Reciprocal()).Round(bits);
            case "to_real": return args[0];
            case TranscendentalSymbols.Exp: return IntervalFunctions.Exp(args[0], bits) ?? throw new Undecided();
            case TranscendentalSymbols.Log: return IntervalFunctions.Log(args[0], bits) ?? throw new Undecided();
            case TranscendentalSymbols.Pow: return Pow(args[0], args[1]);
            default: throw new InvalidOperationException($"unexpected {list.Head}");
        }
    }

    /// <summary>The true x^e where the language defines it: x &gt; 0, or x = 0 with e &gt; 0 (then 0).</summary>
    private Interval Pow(Interval x, Interval e)
    {
        if (x.IsPoint && x.Lo.IsZero) return e.Lo.Sign > 0 ? Interval.Point(Rational.Zero) : throw new Undecided();
        var log = IntervalFunctions.Log(x, bits) ?? throw new Undecided();
        return IntervalFunctions.Exp((e * log).Round(bits), bits) ?? throw new Undecided();
    }

    private static Truth Not(Truth t) => t switch
    {
        Checking.Intervals.Truth.True => Checking.Intervals.Truth.False,
        Checking.Intervals.Truth.False => Checking.Intervals.Truth.True,
        _ => t,
    };
}

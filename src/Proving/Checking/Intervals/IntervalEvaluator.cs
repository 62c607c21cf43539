using Hms.Proving.Checking.Algebraic;
using Hms.Proving.Numbers;
using Hms.Proving.Numbers.Algebraic;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Checking.Intervals;

/// <summary>
/// Evaluates a typed formula at exact rational values, enclosing every number in an outward-rounded interval
/// (<see cref="Interval"/>, <see cref="IntervalFunctions"/>) where <see cref="Evaluator"/> would have to stop at
/// an irrational value. It follows the language's evaluation order with Kleene's three-valued logic: a formula
/// is True or False only when that is its value whatever the true numbers inside the intervals are. Anything
/// that might be undefined (a divisor interval around 0, a log argument reaching 0), a quantifier over numbers,
/// or a number too large to enclose makes the part that needs it Unknown: never a wrong True or False.
/// A name can also hold a real algebraic number (a solver's root-obj): it is enclosed by its isolating
/// interval refined to the precision, and a comparison the enclosures cannot decide is settled exactly by
/// <see cref="AlgebraicZeroTest"/> where that applies (equal values, as √2·√2 = 2).
/// </summary>
public sealed class IntervalEvaluator(int bits)
{
    private readonly List<(string Name, Value Value, RealAlgebraic? Algebraic)> env = [];
    private AlgebraicZeroTest? zeroTest;

    public IntervalEvaluator Bind(string name, Value value)
    {
        env.Add((name, value, null));
        return this;
    }

    /// <summary>Binds <paramref name="name"/> to a real algebraic number.</summary>
    public IntervalEvaluator Bind(string name, RealAlgebraic value)
    {
        env.Add((name, default, value));
        zeroTest ??= new AlgebraicZeroTest(Find, Truth);
        return this;
    }

    /// <summary>Thrown inside to abandon a number that cannot be enclosed; formulas turn it into Unknown.</summary>
    private sealed class Undecided : Exception;

    public Truth Truth(Expr formula)
    {
        try
        {
            return Formula(formula);
        }
        catch (Undecided)
        {
            return Intervals.Truth.Unknown;
        }
    }

    private Truth Formula(Expr e)
    {
        switch (e)
        {
            case BoolExpr b: return Of(b.Value);
            case NameExpr name: return Of(Lookup(name).Value.AsBool);
            case UnaryExpr { Operator: UnaryOperator.Not } u: return Not(Truth(u.Operand));
            case BinaryExpr { Operator: BinaryOperator.And } b:
            {
                var left = Truth(b.Left);
                if (left == Intervals.Truth.False) return left;
                var right = Truth(b.Right);
                return left == Intervals.Truth.True ? right : right == Intervals.Truth.False ? right : Intervals.Truth.Unknown;
            }
            case BinaryExpr { Operator: BinaryOperator.Or } b:
            {
                var left = Truth(b.Left);
                if (left == Intervals.Truth.True) return left;
                var right = Truth(b.Right);
                return left == Intervals.Truth.False ? right : right == Intervals.Truth.True ? right : Intervals.Truth.Unknown;
            }
            case BinaryExpr { Operator: BinaryOperator.Implies } b:
            {
                var left = Truth(b.Left);
                if (left == Intervals.Truth.False) return Intervals.Truth.True;
                var right = Truth(b.Right);
                return left == Intervals.Truth.True ? right : right == Intervals.Truth.True ? right : Intervals.Truth.Unknown;
            }
            case BinaryExpr { Operator: BinaryOperator.Iff } b:
            {
                var left = Truth(b.Left);
                var right = Truth(b.Right);
                return left == Intervals.Truth.Unknown || right == Intervals.Truth.Unknown ? Intervals.Truth.Unknown : Of(left == right);
            }
            case CompareExpr c: return Compare(c);
            case IfExpr ite:
            {
                var condition = Truth(ite.Condition);
                if (condition != Intervals.Truth.Unknown) return Truth(condition == Intervals.Truth.True ? ite.Then : ite.Else);
                var then = Truth(ite.Then);
                return then == Truth(ite.Else) ? then : Intervals.Truth.Unknown;
            }
            default:
                return Intervals.Truth.Unknown; // quantifiers: infinitely many values
        }
    }

    private Truth Compare(CompareExpr c)
    {
        if (c.Left.Sort == Sort.Bool)
        {
            var l = Truth(c.Left);
            var r = Truth(c.Right);
            if (l == Intervals.Truth.Unknown || r == Intervals.Truth.Unknown) return Intervals.Truth.Unknown;
            return Of(c.Operator == CompareOperator.Equal ? l == r : l != r);
        }
        var a = Number(c.Left);
        var b = Number(c.Right);
        var byEnclosures = Decide(c.Operator, a, b);
        if (byEnclosures != Intervals.Truth.Unknown || zeroTest is null) return byEnclosures;
        return zeroTest.Equal(c.Left, c.Right) switch
        {
            true => Of(c.Operator is CompareOperator.Equal or CompareOperator.LessEqual or CompareOperator.GreaterEqual),
            false when c.Operator is CompareOperator.Equal => Intervals.Truth.False,
            false when c.Operator is CompareOperator.NotEqual => Intervals.Truth.True,
            // Different but too close for this precision: a finer round separates them.
            _ => Intervals.Truth.Unknown,
        };
    }

    private static Truth Decide(CompareOperator op, Interval a, Interval b) =>
        op switch
        {
            CompareOperator.Less => a.Hi < b.Lo ? Intervals.Truth.True : a.Lo >= b.Hi ? Intervals.Truth.False : Intervals.Truth.Unknown,
            CompareOperator.LessEqual => a.Hi <= b.Lo ? Intervals.Truth.True : a.Lo > b.Hi ? Intervals.Truth.False : Intervals.Truth.Unknown,
            CompareOperator.Greater => b.Hi < a.Lo ? Intervals.Truth.True : b.Lo >= a.Hi ? Intervals.Truth.False : Intervals.Truth.Unknown,
            CompareOperator.GreaterEqual => b.Hi <= a.Lo ? Intervals.Truth.True : b.Lo > a.Hi ? Intervals.Truth.False : Intervals.Truth.Unknown,
            CompareOperator.Equal => Equal(a, b),
            _ => Not(Equal(a, b)),
        };

    private static Truth Equal(Interval a, Interval b) =>
        a.IsPoint && b.IsPoint && a.Lo == b.Lo ? Intervals.Truth.True
        : a.Hi < b.Lo || b.Hi < a.Lo ? Intervals.Truth.False
        : Intervals.Truth.Unknown;

    /// <summary>An enclosure of a numeric term's value.</summary>
    public Interval Number(Expr e)
    {
        switch (e)
        {
            case NumberExpr n: return Interval.Point(n.Value);
            case NameExpr name:
            {
                var (value, algebraic) = Lookup(name);
                if (algebraic is null) return Interval.Point(value.AsNumber);
                var (lo, hi) = algebraic.Enclosure(bits);
                return new Interval(lo, hi);
            }
            case UnaryExpr u: return -Number(u.Operand);
            case BinaryExpr { Operator: BinaryOperator.Power } p: return Power(p);
            case BinaryExpr b:
            {
                var l = Number(b.Left);
                var r = Number(b.Right);
                return (b.Operator switch
                {
                    BinaryOperator.Add => l + r,
                    BinaryOperator.Subtract => l - r,
                    BinaryOperator.Multiply => l * r,
                    _ => r.ContainsZero ? throw new Undecided() : l * r.Reciprocal(),
                }).Round(bits);
            }
            case CallExpr call: return Call(call);
            case IfExpr ite:
            {
                var condition = Truth(ite.Condition);
                if (condition == Intervals.Truth.Unknown) throw new Undecided();
                return Number(condition == Intervals.Truth.True ? ite.Then : ite.Else);
            }
            default:
                throw new Undecided();
        }
    }

    private Interval Power(BinaryExpr p)
    {
        var x = Number(p.Left);
        if (PowerForm.ConstantExponent(p) is { } exponent)
        {
            if (exponent.IsInteger)
            {
                var n = (int)exponent.Numerator;
                if (n >= 0) return x.Pow(n).Round(bits);
                if (x.ContainsZero) throw new Undecided();
                return x.Pow(-n).Reciprocal().Round(bits);
            }
            // x^(p/q): the q-th root (x ≥ 0), then its p-th power; a negative p needs x > 0.
            var root = IntervalFunctions.Root(x, (int)exponent.Denominator, bits) ?? throw new Undecided();
            var power = (int)exponent.Numerator;
            if (power > 0) return root.Pow(power).Round(bits);
            if (root.ContainsZero) throw new Undecided();
            return root.Pow(-power).Reciprocal().Round(bits);
        }
        var e = Number(p.Right);
        // A symbolic exponent: x^e = exp(e·log x) for x > 0, and 0 for x = 0 with e > 0 (DefinednessRule.PositiveBase).
        if (x.IsPoint && x.Lo.IsZero)
            return e.Lo.Sign > 0 ? Interval.Point(Rational.Zero) : throw new Undecided();
        var log = IntervalFunctions.Log(x, bits) ?? throw new Undecided();
        return IntervalFunctions.Exp((e * log).Round(bits), bits) ?? throw new Undecided();
    }

    private Interval Call(CallExpr call)
    {
        var args = call.Arguments.Select(Number).ToList();
        var x = args[0];
        return call.Function switch
        {
            Function.Abs => x.Abs(),
            Function.Min => args.Aggregate(Interval.Min),
            Function.Max => args.Aggregate(Interval.Max),
            Function.Sqrt => IntervalFunctions.Root(x, 2, bits) ?? throw new Undecided(),
            Function.Exp => IntervalFunctions.Exp(x, bits) ?? throw new Undecided(),
            _ => IntervalFunctions.Log(x, bits) ?? throw new Undecided(),
        };
    }

    private (Value Value, RealAlgebraic? Algebraic) Lookup(NameExpr name)
    {
        var found = Find(name.Name) ?? throw new Undecided(); // a quantified name: never bound here
        return (found.Rational ?? default, found.Algebraic);
    }

    private (Value? Rational, RealAlgebraic? Algebraic)? Find(string name)
    {
        for (var i = env.Count - 1; i >= 0; i--)
        {
            if (env[i].Name == name) return (env[i].Algebraic is null ? env[i].Value : null, env[i].Algebraic);
        }
        return null;
    }

    private static Truth Of(bool value) => value ? Intervals.Truth.True : Intervals.Truth.False;

    private static Truth Not(Truth t) => t switch
    {
        Intervals.Truth.True => Intervals.Truth.False,
        Intervals.Truth.False => Intervals.Truth.True,
        _ => t,
    };
}

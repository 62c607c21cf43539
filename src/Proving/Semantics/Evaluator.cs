using System.Numerics;
using Hms.Proving.Numbers;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// Evaluates a typed formula exactly under an assignment, with the language's evaluation order: the right
/// side of 'and', 'or', '->' and the branches of 'if' are evaluated only where the meaning needs them, so a
/// division there may rely on what was checked before it. Throws <see cref="UndefinedException"/> at an
/// undefined expression and <see cref="InexactException"/> where no exact answer exists.
/// </summary>
public sealed class Evaluator(string formula)
{
    private readonly List<KeyValuePair<string, Value>> env = [];

    public Evaluator Bind(string name, Value value)
    {
        env.Add(new(name, value));
        return this;
    }

    public bool Holds(Expr expr) => Eval(expr).AsBool;

    public Value Eval(Expr expr) => expr switch
    {
        NumberExpr n => Value.Of(n.Value),
        BoolExpr b => Value.Of(b.Value),
        NameExpr name => Lookup(name),
        UnaryExpr { Operator: UnaryOperator.Not } u => Value.Of(!Eval(u.Operand).AsBool),
        UnaryExpr u => Value.Of(-Eval(u.Operand).AsNumber),
        BinaryExpr b => EvalBinary(b),
        CompareExpr c => EvalCompare(c),
        CallExpr call => EvalCall(call),
        IfExpr ite => Eval(ite.Condition).AsBool ? Eval(ite.Then) : EvalElse(ite),
        QuantifierExpr q => EvalQuantifier(q),
        _ => throw new InvalidOperationException($"unexpected node {expr.GetType().Name}"),
    };

    private Value Lookup(NameExpr name)
    {
        for (var i = env.Count - 1; i >= 0; i--)
        {
            if (env[i].Key == name.Name) return env[i].Value;
        }
        throw new InvalidOperationException($"no value for '{name.Name}'");
    }

    private string Text(Expr e) => e.SourceText(formula);

    private Value EvalBinary(BinaryExpr b)
    {
        switch (b.Operator)
        {
            case BinaryOperator.And: return Value.Of(Eval(b.Left).AsBool && Eval(b.Right).AsBool);
            case BinaryOperator.Or: return Value.Of(Eval(b.Left).AsBool || Eval(b.Right).AsBool);
            case BinaryOperator.Implies: return Value.Of(!Eval(b.Left).AsBool || Eval(b.Right).AsBool);
            case BinaryOperator.Iff:
                var left = Eval(b.Left).AsBool;
                return Value.Of(left == Eval(b.Right).AsBool);
            case BinaryOperator.Power:
                return EvalPower(b);
        }
        var l = Eval(b.Left).AsNumber;
        var r = Eval(b.Right).AsNumber;
        switch (b.Operator)
        {
            case BinaryOperator.Add: return Value.Of(l + r);
            case BinaryOperator.Subtract: return Value.Of(l - r);
            case BinaryOperator.Multiply: return Value.Of(l * r);
            default:
                if (r.IsZero) throw new UndefinedException(DivisionByZero(b));
                return Value.Of(l / r);
        }
    }

    /// <summary>
    /// A derivative outside its function's domain is the 0/0 of its guard (Elaboration.DomainConditions): the
    /// reason is the domain, not a divisor, and the text is the d(...) the user wrote.
    /// </summary>
    private Value EvalElse(IfExpr ite) => Elaboration.DomainConditions.IsGuard(ite)
        ? throw new UndefinedException($"{Text(ite)} is undefined here: the function or its derivative is not defined at this point")
        : Eval(ite.Else);

    /// <summary>A divisor that is an expression is the reason ("px = 0 makes a*m/px undefined"); a constant one is not.</summary>
    private string DivisionByZero(BinaryExpr b) => b.Right is NumberExpr
        ? $"{Text(b)} divides by zero"
        : $"{Text(b.Right)} = 0 makes {Text(b)} undefined";

    private Value EvalPower(BinaryExpr b)
    {
        if (PowerForm.ConstantExponent(b) is not { } exponent) return EvalSymbolicPower(b);
        var x = Eval(b.Left).AsNumber;
        if (exponent.IsInteger)
        {
            if (exponent.Sign < 0 && x.IsZero)
                throw new UndefinedException($"{Text(b.Left)} = 0 makes {Text(b)} undefined");
            return Value.Of(x.Pow((int)exponent.Numerator));
        }
        if (x.Sign < 0)
            throw new UndefinedException($"{Text(b.Left)} < 0 makes {Text(b)} undefined");
        if (x.IsZero && exponent.Sign < 0)
            throw new UndefinedException($"{Text(b.Left)} = 0 makes {Text(b)} undefined");
        // x^(p/q) is exact when x is a perfect q-th power. The type checker bounds |p/q| by
        // FormulaLimits.MaxPolynomialExponent, so p fits an int here.
        if (exponent.Denominator <= 16 && BigInteger.Abs(exponent.Numerator) <= 16 * FormulaLimits.MaxPolynomialExponent &&
            TryRoot(x, (int)exponent.Denominator) is { } root)
            return Value.Of(root.Pow((int)exponent.Numerator));
        throw new InexactException($"{Text(b)} is irrational at {Text(b.Left)} = {x}");
    }

    /// <summary>
    /// x^e with a symbolic exponent: defined for x &gt; 0, and for x = 0 when e &gt; 0 (then 0), whatever value e
    /// takes: the rule depends on the exponent's form, not its value, as in <c>DefinednessRule.PositiveBase</c>.
    /// </summary>
    private Value EvalSymbolicPower(BinaryExpr b)
    {
        var x = Eval(b.Left).AsNumber;
        var e = Eval(b.Right).AsNumber;
        if (x.Sign < 0 || (x.IsZero && e.Sign <= 0))
            throw new UndefinedException($"{Text(b.Left)} = {x} with {Text(b.Right)} = {e} makes {Text(b)} undefined (a power with a symbolic exponent needs a positive base, or a zero base and a positive exponent)");
        if (x.IsZero) return Value.Of(Rational.Zero);
        if (x == Rational.One || e.IsZero) return Value.Of(Rational.One);
        // Exact where the value is rational and small: an integer exponent, or a root that comes out exactly.
        if (e.IsInteger && BigInteger.Abs(e.Numerator) <= FormulaLimits.MaxPolynomialExponent)
            return Value.Of(x.Pow((int)e.Numerator));
        if (e.Denominator <= 16 && BigInteger.Abs(e.Numerator) <= 16 * FormulaLimits.MaxPolynomialExponent &&
            TryRoot(x, (int)e.Denominator) is { } root)
            return Value.Of(root.Pow((int)e.Numerator));
        throw new InexactException($"{Text(b)} is irrational (or too large to compute exactly) at {Text(b.Left)} = {x}, {Text(b.Right)} = {e}");
    }

    private Value EvalCompare(CompareExpr c)
    {
        var l = Eval(c.Left);
        var r = Eval(c.Right);
        if (l.IsBool || r.IsBool)
            return Value.Of(c.Operator == CompareOperator.Equal ? l.AsBool == r.AsBool : l.AsBool != r.AsBool);
        var cmp = l.AsNumber.CompareTo(r.AsNumber);
        return Value.Of(c.Operator switch
        {
            CompareOperator.Less => cmp < 0,
            CompareOperator.LessEqual => cmp <= 0,
            CompareOperator.Greater => cmp > 0,
            CompareOperator.GreaterEqual => cmp >= 0,
            CompareOperator.Equal => cmp == 0,
            _ => cmp != 0,
        });
    }

    private Value EvalCall(CallExpr call)
    {
        var args = call.Arguments.Select(a => Eval(a).AsNumber).ToList();
        var x = args[0];
        switch (call.Function)
        {
            case Function.Abs: return Value.Of(x.Abs());
            case Function.Min: return Value.Of(args.Min());
            case Function.Max: return Value.Of(args.Max());
            case Function.Sqrt:
                if (x.Sign < 0) throw new UndefinedException($"{Text(call.Arguments[0])} < 0 makes {Text(call)} undefined");
                return TryRoot(x, 2) is { } root ? Value.Of(root) : throw new InexactException($"{Text(call)} is irrational at {x}");
            case Function.Log:
                if (x.Sign <= 0) throw new UndefinedException($"{Text(call.Arguments[0])} <= 0 makes {Text(call)} undefined");
                return x == Rational.One ? Value.Of(Rational.Zero) : throw new InexactException($"{Text(call)} is irrational at {x}");
            default:
                return x.IsZero ? Value.Of(Rational.One) : throw new InexactException($"{Text(call)} is irrational at {x}");
        }
    }

    private Value EvalQuantifier(QuantifierExpr q)
    {
        if (q.Binders.Any(b => b.Sort != Sort.Bool) || q.Binders.Count > FormulaLimits.MaxEnumeratedBoolBinders)
            throw new InexactException($"'{Text(q)[..Math.Min(40, Text(q).Length)]}…' ranges over infinitely many values");
        var forall = q.Quantifier == Quantifier.Forall;
        for (var bits = 0; bits < 1 << q.Binders.Count; bits++)
        {
            for (var i = 0; i < q.Binders.Count; i++)
                env.Add(new(q.Binders[i].Name, Value.Of((bits >> i & 1) == 1)));
            var holds = Eval(q.Body).AsBool;
            env.RemoveRange(env.Count - q.Binders.Count, q.Binders.Count);
            if (holds != forall) return Value.Of(!forall);
        }
        return Value.Of(forall);
    }

    private static Rational? TryRoot(Rational x, int degree)
    {
        var n = IntegerRoot(x.Numerator, degree);
        var d = IntegerRoot(x.Denominator, degree);
        return n is { } a && d is { } b ? new Rational(a, b) : null;
    }

    private static BigInteger? IntegerRoot(BigInteger value, int degree)
    {
        if (value.Sign < 0) return null;
        if (value.IsZero || value.IsOne) return value;
        // Newton's method on integers, starting above the root.
        var x = BigInteger.One << (int)((value.GetBitLength() + degree - 1) / degree);
        while (true)
        {
            var y = ((degree - 1) * x + value / BigInteger.Pow(x, degree - 1)) / degree;
            if (y >= x) break;
            x = y;
        }
        return BigInteger.Pow(x, degree) == value ? x : null;
    }
}

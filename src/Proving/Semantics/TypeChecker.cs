using System.Numerics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// Gives every node its sort and rejects ill-typed formulas (a Bool used as a number, a number used as a
/// formula). Undeclared free names are Real; they are collected so the theorem knows all its variables.
/// A formula that passes is also within <see cref="ExpansionMeter"/>'s limits, so encoding and exact
/// evaluation of it are bounded.
/// </summary>
public sealed class TypeChecker(IReadOnlyDictionary<string, Sort> declared, CancellationToken cancellationToken = default)
{
    private readonly List<Binder> scope = [];
    private readonly List<KeyValuePair<string, Sort>> undeclared = [];

    /// <summary>Free names that were not declared, in order of first use (all Real).</summary>
    public IReadOnlyList<KeyValuePair<string, Sort>> Undeclared => undeclared;

    /// <summary>Checks a formula that must be a proposition (an assumption or a statement).</summary>
    /// <exception cref="FormulaException">the formula is ill-typed or over a limit.</exception>
    /// <exception cref="OperationCanceledException">the token given at construction fired.</exception>
    public void CheckFormula(Expr expr)
    {
        Check(expr);
        if (expr.Sort != Sort.Bool)
            throw new FormulaException(expr.Start,
                $"expected a formula (true or false), found a {Describe(expr.Sort)} expression; did you mean a comparison such as '... = ...'?");
        ExpansionMeter.Require(expr, cancellationToken);
    }

    private void Check(Expr expr)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (expr)
        {
            case NumberExpr n:
                n.Sort = n.IsIntegerLiteral ? Sort.Int : Sort.Real;
                break;
            case BoolExpr b:
                b.Sort = Sort.Bool;
                break;
            case NameExpr name:
                name.Sort = Resolve(name.Name);
                break;
            case UnaryExpr { Operator: UnaryOperator.Negate } u:
                Check(u.Operand);
                RequireNumber(u.Operand, "unary '-'");
                u.Sort = u.Operand.Sort;
                break;
            case UnaryExpr u:
                Check(u.Operand);
                RequireFormula(u.Operand, "not");
                u.Sort = Sort.Bool;
                break;
            case BinaryExpr b:
                CheckBinary(b);
                break;
            case CompareExpr c:
                CheckCompare(c);
                break;
            case CallExpr call:
                foreach (var argument in call.Arguments)
                {
                    Check(argument);
                    RequireNumber(argument, OperatorText.Of(call.Function));
                }
                call.Sort = call.Function is Function.Abs or Function.Min or Function.Max ? Join(call.Arguments) : Sort.Real;
                break;
            case IfExpr ite:
                CheckIf(ite);
                break;
            case QuantifierExpr q:
                scope.AddRange(q.Binders);
                Check(q.Body);
                RequireFormula(q.Body, q.Quantifier == Quantifier.Forall ? "forall" : "exists");
                scope.RemoveRange(scope.Count - q.Binders.Count, q.Binders.Count);
                q.Sort = Sort.Bool;
                break;
            case ApplyExpr or SumExpr or IndexExpr:
                // Definitions, d(...), sums and indexed variables mean something only in a theorem (its
                // definitions and declarations); the compiler elaborates them away before checking.
                throw new FormulaException(expr.Start,
                    $"'{Elaboration.SurfaceText.Describe(expr)}' needs the theorem's definitions and declarations; it is expanded when a theorem is compiled");
            default:
                throw new InvalidOperationException($"unexpected node {expr.GetType().Name}");
        }
    }

    private Sort Resolve(string name)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            if (scope[i].Name == name) return scope[i].Sort;
        }
        if (declared.TryGetValue(name, out var sort)) return sort;
        if (!undeclared.Any(u => u.Key == name)) undeclared.Add(new(name, Sort.Real));
        return Sort.Real;
    }

    private void CheckBinary(BinaryExpr b)
    {
        Check(b.Left);
        Check(b.Right);
        var op = OperatorText.Of(b.Operator);
        switch (b.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Implies or BinaryOperator.Iff:
                RequireFormula(b.Left, op);
                RequireFormula(b.Right, op);
                b.Sort = Sort.Bool;
                break;
            case BinaryOperator.Divide:
                RequireNumber(b.Left, op);
                RequireNumber(b.Right, op);
                b.Sort = Sort.Real; // exact rational division, also between Ints
                break;
            case BinaryOperator.Power:
                RequireNumber(b.Left, op);
                RequireNumber(b.Right, op);
                // A symbolic exponent (k^a, x^(1-g)) is a real power: defined for a positive base, or a zero base
                // with a positive exponent (docs/decision.md); its value is Real.
                if (ConstantFolder.TryFold(b.Right) is not { } exponent)
                {
                    b.Sort = Sort.Real;
                    break;
                }
                if (exponent.IsInteger && BigInteger.Abs(exponent.Numerator) > FormulaLimits.MaxPolynomialExponent)
                    throw new FormulaException(b.Right.Start,
                        $"exponent too large: {Short(exponent)}; integer powers up to {FormulaLimits.MaxPolynomialExponent} are expanded into products");
                // A fractional exponent is computed with exactly (x^(p/q) as a root, then a power of it): bounded the same way.
                if (exponent.Abs() > FormulaLimits.MaxPolynomialExponent)
                    throw new FormulaException(b.Right.Start,
                        $"exponent too large: {Short(exponent)}; an exponent may be at most {FormulaLimits.MaxPolynomialExponent} in magnitude");
                b.Sort = b.Left.Sort == Sort.Int && exponent.IsInteger && exponent.Sign >= 0 ? Sort.Int : Sort.Real;
                break;
            default:
                RequireNumber(b.Left, op);
                RequireNumber(b.Right, op);
                b.Sort = Join([b.Left, b.Right]);
                break;
        }
    }

    private void CheckCompare(CompareExpr c)
    {
        Check(c.Left);
        Check(c.Right);
        var op = OperatorText.Of(c.Operator);
        if (c.Operator is CompareOperator.Equal or CompareOperator.NotEqual)
        {
            if ((c.Left.Sort == Sort.Bool) != (c.Right.Sort == Sort.Bool))
            {
                var formulaSide = c.Left.Sort == Sort.Bool ? c.Left : c.Right;
                throw new FormulaException(formulaSide.Start,
                    $"'{op}' compares a formula (Bool) with a number; both sides must be numbers or both formulas");
            }
        }
        else
        {
            RequireNumber(c.Left, op);
            RequireNumber(c.Right, op);
        }
        c.Sort = Sort.Bool;
    }

    private void CheckIf(IfExpr ite)
    {
        Check(ite.Condition);
        Check(ite.Then);
        Check(ite.Else);
        RequireFormula(ite.Condition, "if");
        if ((ite.Then.Sort == Sort.Bool) != (ite.Else.Sort == Sort.Bool))
            throw new FormulaException(ite.Else.Start,
                "the 'then' and 'else' branches of 'if' must both be numbers or both be formulas");
        ite.Sort = ite.Then.Sort == Sort.Bool ? Sort.Bool : Join([ite.Then, ite.Else]);
    }

    /// <summary>An exponent as the user can recognise it, without printing thousands of digits back.</summary>
    private static string Short(Numbers.Rational value)
    {
        var text = value.ToString();
        return text.Length <= 40 ? text : $"{text[..20]}… ({text.Length:N0} characters)";
    }

    private static Sort Join(IEnumerable<Expr> numbers) => numbers.All(e => e.Sort == Sort.Int) ? Sort.Int : Sort.Real;

    private static void RequireNumber(Expr operand, string op)
    {
        if (operand.Sort != Sort.Bool) return;
        var what = operand is NameExpr name ? $"'{name.Name}' is Bool" : "this is a formula (Bool)";
        throw new FormulaException(operand.Start, $"{what}, but '{op}' needs a number");
    }

    private void RequireFormula(Expr operand, string op)
    {
        if (operand.Sort == Sort.Bool) return;
        var what = operand is NameExpr name
            ? $"'{name.Name}' is a number ({operand.Sort}{(IsUndeclared(name.Name) ? "; undeclared names are Real — declare it as Bool" : "")})"
            : $"this is a number ({operand.Sort})";
        throw new FormulaException(operand.Start, $"{what}, but '{op}' needs a formula (true or false)");
    }

    private bool IsUndeclared(string name) => undeclared.Any(u => u.Key == name);

    private static string Describe(Sort sort) => sort == Sort.Bool ? "Bool" : $"numeric ({sort})";
}

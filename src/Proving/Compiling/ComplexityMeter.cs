using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Compiling;

/// <summary>
/// Rates a theorem from its size, polynomial degree and quantifiers. Linear arithmetic without quantifiers
/// is decided fast; nonlinear and quantified goals are where solvers slow down.
/// </summary>
public static class ComplexityMeter
{
    public static Complexity Measure(IEnumerable<Expr> formulas)
    {
        var size = 0;
        var degree = 0;
        var quantifiers = 0;
        var alternation = false;
        var transcendental = false;
        foreach (var formula in formulas)
        {
            size += Size(formula);
            degree = Math.Max(degree, Degree(formula));
            Scan(formula, null, ref quantifiers, ref alternation, ref transcendental);
        }
        if (transcendental || alternation || size > 2000 || degree > 6) return Complexity.VeryComplex;
        if (quantifiers > 0 || degree >= 3 || size > 500) return Complexity.Complex;
        if (degree == 2 || size > 100) return Complexity.Moderate;
        return Complexity.Simple;
    }

    private static int Size(Expr e) => 1 + e.Children.Sum(Size);

    private static int Degree(Expr e) => e switch
    {
        NumberExpr or BoolExpr => 0,
        NameExpr => 1,
        BinaryExpr { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } b => Degree(b.Left) + Degree(b.Right),
        BinaryExpr { Operator: BinaryOperator.Power } p => ConstantFolder.TryFold(p.Right) is { IsInteger: true } n
            ? Degree(p.Left) * (int)Math.Min(64, Math.Abs((double)n.Numerator)) : 7,
        CallExpr { Function: Function.Sqrt or Function.Exp or Function.Log } => 7,
        _ => e.Children.Select(Degree).DefaultIfEmpty(0).Max(),
    };

    private static void Scan(Expr e, Quantifier? outer, ref int quantifiers, ref bool alternation, ref bool transcendental)
    {
        if (e is QuantifierExpr q)
        {
            quantifiers++;
            if (outer is { } o && o != q.Quantifier) alternation = true;
            outer = q.Quantifier;
        }
        if (TranscendentalForms.Is(e)) transcendental = true;
        foreach (var child in e.Children) Scan(child, outer, ref quantifiers, ref alternation, ref transcendental);
    }
}

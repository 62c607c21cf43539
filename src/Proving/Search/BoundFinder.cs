using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>
/// Reads search bounds off facts of the form 'var op constant' or 'constant op var' (chains such as
/// 0 &lt; alpha &lt; 1 arrive as two such facts). Other facts only constrain; they never shape the box.
/// </summary>
internal sealed class BoundFinder
{
    private readonly Dictionary<string, (Rational? Low, bool LowOpen, Rational? High, bool HighOpen)> found = new(StringComparer.Ordinal);

    public void Read(Expr fact)
    {
        if (fact is not CompareExpr { Operator: not CompareOperator.NotEqual } c) return;
        if (c.Left is NameExpr left && ConstantFolder.TryFold(c.Right) is { } right)
            Add(left.Name, c.Operator, right);
        else if (c.Right is NameExpr name && ConstantFolder.TryFold(c.Left) is { } constant)
            Add(name.Name, Mirror(c.Operator), constant);
    }

    /// <summary>The box for <paramref name="name"/>: the bounds found, completed by defaults on the open sides.</summary>
    public SearchBounds BoundsOf(string name, Sort sort)
    {
        if (sort == Sort.Bool) return new SearchBounds(0, 1, false, false, false, false);
        found.TryGetValue(name, out var b);
        double? low = b.Low?.ToDouble();
        double? high = b.High?.ToDouble();
        if (sort == Sort.Int)
        {
            // Integers: a strict bound is the next integer, and the box ends on integers.
            if (b.Low is { } l) low = (double)(b.LowOpen && l.IsInteger ? l.Floor() + 1 : -(-l).Floor());
            if (b.High is { } h) high = (double)(b.HighOpen && h.IsInteger ? h.Floor() - 1 : h.Floor());
        }
        var (lo, hi) = (low, high) switch
        {
            ({ } x, { } y) => (x, Math.Max(x, y)),
            ({ } x, null) => (x, x + Math.Max(SearchBounds.DefaultMagnitude, Math.Abs(x))),
            (null, { } y) => (y - Math.Max(SearchBounds.DefaultMagnitude, Math.Abs(y)), y),
            _ => (-SearchBounds.DefaultMagnitude, SearchBounds.DefaultMagnitude),
        };
        return new SearchBounds(Finite(lo), Finite(hi), b.LowOpen && sort != Sort.Int, b.HighOpen && sort != Sort.Int, low is not null, high is not null);
    }

    private static double Finite(double x) => Math.Clamp(x, -double.MaxValue / 4, double.MaxValue / 4);

    private void Add(string name, CompareOperator op, Rational value)
    {
        found.TryGetValue(name, out var b);
        switch (op)
        {
            case CompareOperator.Greater or CompareOperator.GreaterEqual:
                if (b.Low is null || value > b.Low || (value == b.Low && op == CompareOperator.Greater))
                    b = b with { Low = value, LowOpen = op == CompareOperator.Greater };
                break;
            case CompareOperator.Less or CompareOperator.LessEqual:
                if (b.High is null || value < b.High || (value == b.High && op == CompareOperator.Less))
                    b = b with { High = value, HighOpen = op == CompareOperator.Less };
                break;
            default: // equality: both sides
                Add(name, CompareOperator.GreaterEqual, value);
                Add(name, CompareOperator.LessEqual, value);
                return;
        }
        found[name] = b;
    }

    private static CompareOperator Mirror(CompareOperator op) => op switch
    {
        CompareOperator.Less => CompareOperator.Greater,
        CompareOperator.LessEqual => CompareOperator.GreaterEqual,
        CompareOperator.Greater => CompareOperator.Less,
        CompareOperator.GreaterEqual => CompareOperator.LessEqual,
        _ => op,
    };
}

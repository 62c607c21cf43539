using Hms.Proving.Numbers;
using Hms.Proving.Numbers.Algebraic;
using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// Reads z3's algebraic model values, (root-obj POLY K): the K-th smallest real root of POLY, a polynomial in
/// the placeholder x written with +, -, *, ^ and numerals. Hostile or broken text (another variable, a
/// non-constant exponent, a degree bomb, a zero polynomial, K out of range) is refused with the reason.
/// </summary>
public static class RootObjReader
{
    private const int MaxDepth = 64;

    public static (RealAlgebraic? Value, string? Error) TryRead(string text)
    {
        IReadOnlyList<SExpr> parsed;
        try
        {
            parsed = SExprReader.ParseSolverOutput(text);
        }
        catch (SExprParseException e)
        {
            return (null, $"unreadable algebraic value: {e.Message}");
        }
        if (parsed is not [SList { Items: [SSymbol { Name: "root-obj" }, var poly, var indexTerm] }])
            return (null, "not a (root-obj POLYNOMIAL INDEX) term");
        if (indexTerm is not SAtom index || !int.TryParse(index.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k))
            return (null, $"root index '{Excerpt(indexTerm)}' is not a small natural number");
        var budget = new int[] { AlgebraicLimits.MaxDegree * 4 };
        var (polynomial, error) = Read(poly, budget, 0);
        return polynomial is null ? (null, error) : RealAlgebraic.TryRoot(polynomial, k);
    }

    private static (Polynomial? Value, string? Error) Read(SExpr e, int[] budget, int depth)
    {
        // Recursion over solver text: a nesting bomb is refused, never a stack overflow.
        if (depth > MaxDepth) return (null, $"the polynomial nests more than {MaxDepth} levels deep");
        switch (e)
        {
            case SSymbol { Name: "x" }:
                return (Polynomial.X, null);
            case SAtom atom when Rational.TryParse(atom.Text, out var c) && atom.Text.All(ch => char.IsAsciiDigit(ch) || ch == '.'):
                return (Polynomial.Constant(c), null);
            case SList { Items: [SSymbol { Name: "^" }, var baseTerm, SAtom exponent] }:
            {
                if (!int.TryParse(exponent.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ||
                    n > budget[0])
                    return (null, $"exponent '{exponent.Text}' is not a natural number up to {AlgebraicLimits.MaxDegree * 4}");
                var (b, error) = Read(baseTerm, budget, depth + 1);
                if (b is null) return (null, error);
                if ((long)b.Degree * n > budget[0])
                    return (null, $"the polynomial's degree is more than the limit of {AlgebraicLimits.MaxDegree * 4}");
                var power = Polynomial.One;
                for (var i = 0; i < n; i++) power *= b;
                return (power, null);
            }
            case SList { Items: [SSymbol { Name: var op and ("+" or "-" or "*") }, _, ..] } list:
            {
                var operands = new List<Polynomial>();
                foreach (var item in list.Items.Skip(1))
                {
                    var (p, error) = Read(item, budget, depth + 1);
                    if (p is null) return (null, error);
                    operands.Add(p);
                }
                if (op == "*" && operands.Sum(p => (long)Math.Max(0, p.Degree)) > budget[0])
                    return (null, $"the polynomial's degree is more than the limit of {AlgebraicLimits.MaxDegree * 4}");
                var result = op switch
                {
                    "-" when operands.Count == 1 => -operands[0],
                    "-" => operands.Skip(1).Aggregate(operands[0], (a, b) => a - b),
                    "+" => operands.Aggregate((a, b) => a + b),
                    _ => operands.Aggregate((a, b) => a * b),
                };
                if (result.CoefficientBits > AlgebraicLimits.MaxCoefficientBits)
                    return (null, $"a coefficient has more than {AlgebraicLimits.MaxCoefficientBits} bits");
                return (result, null);
            }
            default:
                return (null, $"'{Excerpt(e)}' is not a polynomial in x");
        }
    }

    private static string Excerpt(SExpr e)
    {
        var text = e.ToString();
        return text.Length <= 60 ? text : text[..60] + "...";
    }
}

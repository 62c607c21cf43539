using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Hms.Proving.Numbers;
using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>Turns the value terms solvers print in get-value answers into <see cref="ModelValue"/>s.</summary>
internal static partial class ModelValueParser
{
    /// <summary>
    /// true/false, or an exact number written with numerals, decimals, -, /, + and *:
    /// z3's 3, (- 3), (/ 1.0 2.0), (- (/ 1.0 2.0)); cvc5's (/ (- 1) 2). Null for anything else.
    /// </summary>
    public static ModelValue? TryParseExact(SExpr value) => value switch
    {
        SSymbol { Name: "true" } => new BoolModelValue(true),
        SSymbol { Name: "false" } => new BoolModelValue(false),
        _ => TryEvaluate(value) is { } number ? new RationalModelValue(number) : null,
    };

    /// <summary>An irrational value: z3's (root-obj ...) or cvc5's (_ real_algebraic_number ...).</summary>
    public static bool IsAlgebraic(SExpr value)
    {
        var text = value.ToString();
        return text.Contains("root-obj", StringComparison.Ordinal) ||
               text.Contains("real_algebraic_number", StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads z3's pp.decimal output, "1.4142135623?" or "(- 1.4142135623?)", as "-1.4142135623";
    /// the "?" only marks that digits were cut.
    /// </summary>
    public static string? TryReadDecimal(SExpr value) => value switch
    {
        SAtom atom when IsDecimalText(atom.Text.TrimEnd('?')) => atom.Text.TrimEnd('?'),
        SList { Items: [SSymbol { Name: "-" }, var inner] } when TryReadDecimal(inner) is { } magnitude => "-" + magnitude,
        _ => null,
    };

    /// <summary>
    /// An approximation from cvc5's "(_ real_algebraic_number &lt;poly, (lo, hi)&gt;)": the middle of the
    /// isolating interval. Null when the text has no interval.
    /// </summary>
    public static string? TryApproximateFromInterval(string exact)
    {
        var match = Interval().Match(exact);
        if (!match.Success ||
            !Rational.TryParse(match.Groups["lo"].Value, out var lo) ||
            !Rational.TryParse(match.Groups["hi"].Value, out var hi))
            return null;
        return ToDecimal((lo + hi) / 2, 20);
    }

    /// <summary>A decimal rendering of <paramref name="value"/> truncated to <paramref name="digits"/> fraction digits.</summary>
    public static string ToDecimal(Rational value, int digits)
    {
        var scaled = value.Abs() * Rational.FromInteger(BigInteger.Pow(10, digits));
        var text = scaled.Floor().ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var whole = text[..^digits];
        var fraction = text[^digits..].TrimEnd('0');
        var sign = value.Sign < 0 ? "-" : "";
        return fraction.Length == 0 ? sign + whole : $"{sign}{whole}.{fraction}";
    }

    private static Rational? TryEvaluate(SExpr value)
    {
        switch (value)
        {
            case SAtom atom when IsDecimalText(atom.Text):
                return Rational.TryParse(atom.Text, out var number) ? number : null;
            case SList { Items: [SSymbol { Name: var op }, _, ..] } list:
                var operands = new List<Rational>(list.Count - 1);
                foreach (var arg in list.Items.Skip(1))
                {
                    if (TryEvaluate(arg) is not { } operand) return null;
                    operands.Add(operand);
                }
                return op switch
                {
                    "-" when operands.Count == 1 => -operands[0],
                    "-" => operands.Skip(1).Aggregate(operands[0], (a, b) => a - b),
                    "+" => operands.Aggregate((a, b) => a + b),
                    "*" => operands.Aggregate((a, b) => a * b),
                    "/" when operands.Skip(1).All(d => !d.IsZero) => operands.Skip(1).Aggregate(operands[0], (a, b) => a / b),
                    "to_real" when operands.Count == 1 => operands[0],
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static bool IsDecimalText(string text) => DecimalLiteral().IsMatch(text);

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex DecimalLiteral();

    [GeneratedRegex(@"\(\s*(?<lo>-?\d+(?:[./]\d+)?)\s*,\s*(?<hi>-?\d+(?:[./]\d+)?)\s*\)")]
    private static partial Regex Interval();
}

using System.Numerics;
using System.Text;
using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Syntax;

/// <summary>
/// Writes a syntax tree back as infix text that <see cref="Parser.Parse"/> reads as the same tree, with
/// only the parentheses the grammar needs (see <see cref="Parser"/> for precedence and associativity).
/// Two things besides precedence need parentheses: "if … then … else" and quantifiers extend as far right
/// as they can, so they are wrapped wherever something follows them; and "not" is also accepted as an
/// operand of arithmetic, where it would swallow a following comparison, so there it is wrapped too.
/// A comparison chain comes out as the conjunction the parser made of it (a &lt; b and b &lt; c).
/// </summary>
public static class FormulaPrinter
{
    // Binding strength, loosest first; each level's operands are parsed at the level named in Print.
    private const int IffLevel = 1;
    private const int ImpliesLevel = 2;
    private const int OrLevel = 3;
    private const int AndLevel = 4;
    private const int NotLevel = 5;
    private const int CompareLevel = 6;
    private const int SumLevel = 7;
    private const int ProductLevel = 8;
    private const int UnaryLevel = 9;
    private const int PowerLevel = 10;
    private const int PrimaryLevel = 11;

    public static string Print(Expr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var text = new StringBuilder();
        Write(text, expr, IffLevel, openRight: true);
        return text.ToString();
    }

    /// <param name="required">The loosest level the parser accepts at this place.</param>
    /// <param name="openRight">Whether nothing of the enclosing formula follows, so an open-ended form may stay bare.</param>
    private static void Write(StringBuilder text, Expr expr, int required, bool openRight)
    {
        var openEnded = expr is IfExpr or QuantifierExpr;
        var wrap = LevelOf(expr) < required || (openEnded && !openRight);
        if (wrap)
        {
            text.Append('(');
            openRight = true;
        }

        switch (expr)
        {
            case NumberExpr n:
                WriteNumber(text, n);
                break;
            case BoolExpr b:
                text.Append(b.Value ? "true" : "false");
                break;
            case NameExpr name:
                text.Append(name.Name);
                break;
            case UnaryExpr { Operator: UnaryOperator.Not } not:
                text.Append("not ");
                Write(text, not.Operand, NotLevel, openRight);
                break;
            case UnaryExpr negate:
                text.Append('-');
                Write(text, negate.Operand, UnaryLevel, openRight);
                break;
            case BinaryExpr { Operator: BinaryOperator.Power } power:
                Write(text, power.Left, PrimaryLevel, openRight: false);
                text.Append('^');
                Write(text, power.Right, UnaryLevel, openRight);
                break;
            case BinaryExpr binary:
                var (left, right) = OperandLevels(binary.Operator);
                Write(text, binary.Left, left, openRight: false);
                text.Append(' ').Append(OperatorText.Of(binary.Operator)).Append(' ');
                Write(text, binary.Right, right, openRight);
                break;
            case CompareExpr compare:
                Write(text, compare.Left, SumLevel, openRight: false);
                text.Append(' ').Append(OperatorText.Of(compare.Operator)).Append(' ');
                Write(text, compare.Right, SumLevel, openRight);
                break;
            case CallExpr call:
                text.Append(OperatorText.Of(call.Function)).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Write(text, call.Arguments[i], IffLevel, openRight: true);
                }
                text.Append(')');
                break;
            case IfExpr ite:
                text.Append("if ");
                Write(text, ite.Condition, IffLevel, openRight: true);
                text.Append(" then ");
                Write(text, ite.Then, IffLevel, openRight: true);
                text.Append(" else ");
                Write(text, ite.Else, IffLevel, openRight: true);
                break;
            case QuantifierExpr q:
                WriteQuantifier(text, q);
                break;
            case ApplyExpr apply:
                text.Append(apply.Name).Append('(');
                for (var i = 0; i < apply.Arguments.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Write(text, apply.Arguments[i], IffLevel, openRight: true);
                }
                text.Append(')');
                break;
            case SumExpr sum:
                text.Append("sum(").Append(sum.Index.Name).Append(" in ");
                Write(text, sum.From, SumLevel, openRight: false);
                text.Append("..");
                Write(text, sum.To, SumLevel, openRight: false);
                text.Append(", ");
                Write(text, sum.Body, IffLevel, openRight: true);
                text.Append(')');
                break;
            case IndexExpr index:
                text.Append(index.Name).Append('[');
                Write(text, index.Index, SumLevel, openRight: true);
                text.Append(']');
                break;
            default:
                throw new ArgumentException($"no infix text for a {expr.GetType().Name}", nameof(expr));
        }

        if (wrap) text.Append(')');
    }

    private static int LevelOf(Expr expr) => expr switch
    {
        BinaryExpr b => b.Operator switch
        {
            BinaryOperator.Iff => IffLevel,
            BinaryOperator.Implies => ImpliesLevel,
            BinaryOperator.Or => OrLevel,
            BinaryOperator.And => AndLevel,
            BinaryOperator.Add or BinaryOperator.Subtract => SumLevel,
            BinaryOperator.Multiply or BinaryOperator.Divide => ProductLevel,
            _ => PowerLevel,
        },
        UnaryExpr { Operator: UnaryOperator.Not } => NotLevel,
        UnaryExpr => UnaryLevel,
        CompareExpr => CompareLevel,
        // A rational that is not a decimal is written as a quotient (see WriteNumber).
        NumberExpr n when !IsDecimal(n.Value) => ProductLevel,
        _ => PrimaryLevel,
    };

    /// <summary>Left-associative levels take their own level on the left; "-&gt;" is right-associative.</summary>
    private static (int Left, int Right) OperandLevels(BinaryOperator op) => op switch
    {
        BinaryOperator.Iff => (IffLevel, ImpliesLevel),
        BinaryOperator.Implies => (OrLevel, ImpliesLevel),
        BinaryOperator.Or => (OrLevel, AndLevel),
        BinaryOperator.And => (AndLevel, NotLevel),
        BinaryOperator.Add or BinaryOperator.Subtract => (SumLevel, ProductLevel),
        _ => (ProductLevel, UnaryLevel),
    };

    private static void WriteQuantifier(StringBuilder text, QuantifierExpr q)
    {
        text.Append(q.Quantifier == Quantifier.Forall ? "forall " : "exists ");
        for (var i = 0; i < q.Binders.Count; i++)
        {
            text.Append(q.Binders[i].Name);
            // Neighbours of one sort share one "in": forall x, y in Int.
            var last = i + 1 == q.Binders.Count || q.Binders[i + 1].Sort != q.Binders[i].Sort;
            if (last) text.Append(" in ").Append(q.Binders[i].Sort);
            if (i + 1 < q.Binders.Count) text.Append(", ");
        }
        text.Append(": ");
        Write(text, q.Body, IffLevel, openRight: true);
    }

    /// <summary>
    /// Integer literals as digits; other literals as decimals with at least one digit after the point, so
    /// they stay Real. Literals are never negative (a sign is a unary minus). A value no decimal can hold
    /// (1/3, from constant folding) is written as the quotient of two integer literals.
    /// </summary>
    private static void WriteNumber(StringBuilder text, NumberExpr n)
    {
        var value = n.Value;
        if (value.Sign < 0) throw new ArgumentException($"a number literal is never negative, found {value}", nameof(n));
        if (!IsDecimal(value))
        {
            text.Append(value.Numerator).Append(" / ").Append(value.Denominator);
            return;
        }

        if (n.IsIntegerLiteral && value.IsInteger)
        {
            text.Append(value.Numerator);
            return;
        }

        var places = Math.Max(1, DecimalPlaces(value.Denominator));
        var scaled = value.Numerator * BigInteger.Pow(10, places) / value.Denominator;
        var digits = scaled.ToString().PadLeft(places + 1, '0');
        text.Append(digits, 0, digits.Length - places).Append('.').Append(digits, digits.Length - places, places);
    }

    private static bool IsDecimal(Rational value) => DecimalPlaces(value.Denominator) >= 0;

    /// <summary>The places a decimal needs for 1/denominator, or -1 when it would not end (a factor other than 2 and 5).</summary>
    private static int DecimalPlaces(BigInteger denominator)
    {
        int twos = 0, fives = 0;
        while (!denominator.IsZero && denominator.IsEven) { denominator /= 2; twos++; }
        while (!denominator.IsZero && (denominator % 5).IsZero) { denominator /= 5; fives++; }
        return denominator.IsOne ? Math.Max(twos, fives) : -1;
    }
}

using System.Text;
using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Smt.Transcendental;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Smt;

/// <summary>
/// The one place a typed formula becomes SMT-LIB 2 text. Ints used where a Real is expected are promoted
/// with to_real; '/' is always real division; small integer powers are expanded into products. Real powers
/// (fractional or symbolic exponents, sqrt), exp and log become applications of <see cref="TranscendentalSymbols"/>,
/// recorded in <see cref="Terms"/> so that the obligation can add their lemmas (<see cref="TranscendentalLemmas"/>).
/// </summary>
public sealed class SmtEncoder
{
    private readonly List<KeyValuePair<string, string>> scope = [];
    private readonly int freeNames;

    /// <param name="names">The SMT symbol of each free name in force where encoding starts.</param>
    /// <param name="terms">Collects the transcendental terms written (shared by the encoders of one obligation).</param>
    public SmtEncoder(IEnumerable<KeyValuePair<string, string>> names, TranscendentalTerms? terms = null)
    {
        scope.AddRange(names);
        freeNames = scope.Count;
        Terms = terms ?? new TranscendentalTerms();
    }

    public TranscendentalTerms Terms { get; }

    public string Encode(Expr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr, expr.Sort);
        return sb.ToString();
    }

    private string SymbolOf(string name)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            if (scope[i].Key == name) return scope[i].Value;
        }
        return SmtNames.ForVariable(name);
    }

    /// <summary>Writes <paramref name="expr"/> as a term of sort <paramref name="want"/> (promoting Int to Real).</summary>
    private void Write(StringBuilder sb, Expr expr, Sort want)
    {
        var promote = want == Sort.Real && expr.Sort == Sort.Int;
        if (promote && expr is NumberExpr literal)
        {
            sb.Append(literal.Value.ToSmtReal());
            return;
        }
        if (promote) sb.Append("(to_real ");
        WriteNode(sb, expr);
        if (promote) sb.Append(')');
    }

    private void WriteNode(StringBuilder sb, Expr expr)
    {
        switch (expr)
        {
            case NumberExpr n:
                sb.Append(n.Sort == Sort.Int ? n.Value.ToSmtInt() : n.Value.ToSmtReal());
                break;
            case BoolExpr b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case NameExpr name:
                sb.Append(SymbolOf(name.Name));
                break;
            case UnaryExpr u:
                Apply(sb, u.Operator == UnaryOperator.Not ? "not" : "-", u.Sort, u.Operand);
                break;
            case BinaryExpr b:
                WriteBinary(sb, b);
                break;
            case CompareExpr c:
                WriteCompare(sb, c);
                break;
            case CallExpr call:
                WriteCall(sb, call);
                break;
            case IfExpr ite:
                sb.Append("(ite ");
                Write(sb, ite.Condition, Sort.Bool);
                sb.Append(' ');
                Write(sb, ite.Then, ite.Sort);
                sb.Append(' ');
                Write(sb, ite.Else, ite.Sort);
                sb.Append(')');
                break;
            case QuantifierExpr q:
                WriteQuantifier(sb, q);
                break;
            default:
                throw new InvalidOperationException($"unexpected node {expr.GetType().Name}");
        }
    }

    private void Apply(StringBuilder sb, string op, Sort operandSort, params Expr[] operands)
    {
        sb.Append('(').Append(op);
        foreach (var operand in operands)
        {
            sb.Append(' ');
            Write(sb, operand, operandSort);
        }
        sb.Append(')');
    }

    private void WriteBinary(StringBuilder sb, BinaryExpr b)
    {
        switch (b.Operator)
        {
            case BinaryOperator.Add: Apply(sb, "+", b.Sort, b.Left, b.Right); break;
            case BinaryOperator.Subtract: Apply(sb, "-", b.Sort, b.Left, b.Right); break;
            case BinaryOperator.Multiply: Apply(sb, "*", b.Sort, b.Left, b.Right); break;
            case BinaryOperator.Divide: Apply(sb, "/", Sort.Real, b.Left, b.Right); break;
            case BinaryOperator.And: Apply(sb, "and", Sort.Bool, b.Left, b.Right); break;
            case BinaryOperator.Or: Apply(sb, "or", Sort.Bool, b.Left, b.Right); break;
            case BinaryOperator.Implies: Apply(sb, "=>", Sort.Bool, b.Left, b.Right); break;
            case BinaryOperator.Iff: Apply(sb, "=", Sort.Bool, b.Left, b.Right); break;
            case BinaryOperator.Power: WritePower(sb, b); break;
            default: throw new InvalidOperationException($"unexpected operator {b.Operator}");
        }
    }

    private void WritePower(StringBuilder sb, BinaryExpr b)
    {
        if (PowerForm.ConstantExponent(b) is not { } exponent)
        {
            WriteApplication(sb, TranscendentalSymbols.Pow, b.Left, b.Right);
            return;
        }
        if (!exponent.IsInteger)
        {
            WriteApplication(sb, TranscendentalSymbols.Pow, b.Left, exponent.ToSmtReal());
            return;
        }
        var n = (int)exponent.Numerator;
        if (n < 0)
        {
            sb.Append("(/ 1.0 ");
            WriteProduct(sb, b.Left, -n, Sort.Real);
            sb.Append(')');
            return;
        }
        WriteProduct(sb, b.Left, n, b.Sort);
    }

    private void WriteProduct(StringBuilder sb, Expr factor, int count, Sort sort)
    {
        if (count == 0)
        {
            sb.Append(sort == Sort.Int ? "1" : "1.0");
            return;
        }
        if (count == 1)
        {
            Write(sb, factor, sort);
            return;
        }
        sb.Append("(*");
        for (var i = 0; i < count; i++)
        {
            // The type checker's ExpansionMeter keeps checked formulas far below this; a tree that skipped it stops here.
            if (sb.Length > FormulaLimits.MaxEncodedLength)
                throw new FormulaException(factor.Start, $"expression too large: over {FormulaLimits.MaxEncodedLength:N0} characters of SMT-LIB");
            sb.Append(' ');
            Write(sb, factor, sort);
        }
        sb.Append(')');
    }

    private void WriteCompare(StringBuilder sb, CompareExpr c)
    {
        var operandSort = c.Left.Sort == Sort.Bool ? Sort.Bool
            : c.Left.Sort == Sort.Int && c.Right.Sort == Sort.Int ? Sort.Int : Sort.Real;
        switch (c.Operator)
        {
            case CompareOperator.NotEqual:
                sb.Append("(not ");
                Apply(sb, "=", operandSort, c.Left, c.Right);
                sb.Append(')');
                break;
            default:
                var op = c.Operator switch
                {
                    CompareOperator.Less => "<",
                    CompareOperator.LessEqual => "<=",
                    CompareOperator.Greater => ">",
                    CompareOperator.GreaterEqual => ">=",
                    _ => "=",
                };
                Apply(sb, op, operandSort, c.Left, c.Right);
                break;
        }
    }

    private void WriteCall(StringBuilder sb, CallExpr call)
    {
        switch (call.Function)
        {
            case Function.Abs:
                var x = Encode(call.Arguments[0], call.Sort);
                var zero = call.Sort == Sort.Int ? "0" : "0.0";
                sb.Append($"(ite (>= {x} {zero}) {x} (- {x}))");
                break;
            case Function.Min or Function.Max:
                var op = call.Function == Function.Min ? "<=" : ">=";
                var acc = Encode(call.Arguments[0], call.Sort);
                foreach (var argument in call.Arguments.Skip(1))
                {
                    var next = Encode(argument, call.Sort);
                    acc = $"(ite ({op} {acc} {next}) {acc} {next})";
                }
                sb.Append(acc);
                break;
            case Function.Sqrt:
                // sqrt(x) is x^(1/2): one function, so the lemmas about powers cover it (sqrt(x)*sqrt(x) = x^1 = x).
                WriteApplication(sb, TranscendentalSymbols.Pow, call.Arguments[0], new Rational(1, 2).ToSmtReal());
                break;
            case Function.Exp:
                WriteApplication(sb, TranscendentalSymbols.Exp, call.Arguments[0], (string?)null);
                break;
            case Function.Log:
                WriteApplication(sb, TranscendentalSymbols.Log, call.Arguments[0], (string?)null);
                break;
        }
    }

    private void WriteApplication(StringBuilder sb, string symbol, Expr argument, Expr exponent) =>
        WriteApplication(sb, symbol, argument, Encode(exponent, Sort.Real));

    /// <summary>Writes (symbol argument [exponent]) and records it; ground when no quantified variable was read inside.</summary>
    private void WriteApplication(StringBuilder sb, string symbol, Expr argument, string? exponent)
    {
        var term = new StringBuilder();
        term.Append('(').Append(symbol).Append(' ');
        Write(term, argument, Sort.Real);
        if (exponent is not null) term.Append(' ').Append(exponent);
        term.Append(')');
        var text = term.ToString();
        Terms.Add(symbol, text, !MentionsBound(text));
        sb.Append(text);
    }

    /// <summary>Whether <paramref name="term"/> mentions a symbol bound by a quantifier being written.</summary>
    private bool MentionsBound(string term)
    {
        if (scope.Count == freeNames) return false;
        var tokens = term.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = freeNames; i < scope.Count; i++)
        {
            if (tokens.Contains(scope[i].Value, StringComparer.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Encodes a term as the given sort (an Int operand of a real-valued check becomes to_real).</summary>
    public string EncodeAs(Expr expr, Sort want) => Encode(expr, want);

    private string Encode(Expr expr, Sort want)
    {
        var sb = new StringBuilder();
        Write(sb, expr, want);
        return sb.ToString();
    }

    private void WriteQuantifier(StringBuilder sb, QuantifierExpr q)
    {
        sb.Append(q.Quantifier == Quantifier.Forall ? "(forall (" : "(exists (");
        var first = true;
        foreach (var binder in q.Binders)
        {
            var symbol = SmtNames.ForVariable(binder.Name);
            scope.Add(new(binder.Name, symbol));
            if (!first) sb.Append(' ');
            sb.Append('(').Append(symbol).Append(' ').Append(SmtNames.ForSort(binder.Sort)).Append(')');
            first = false;
        }
        sb.Append(") ");
        Write(sb, q.Body, Sort.Bool);
        sb.Append(')');
        scope.RemoveRange(scope.Count - q.Binders.Count, q.Binders.Count);
    }
}

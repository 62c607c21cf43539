using System.Text;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Syntax;

/// <summary>
/// A tree's structure as text, positions left out: node kinds, operators, literal values and whether each
/// literal was an integer, binder names and sorts. Two trees are the same formula when their shapes are equal,
/// and a failing comparison shows where they differ.
/// </summary>
internal static class TreeShape
{
    public static string Of(Expr expr)
    {
        var text = new StringBuilder();
        Write(text, expr);
        return text.ToString();
    }

    private static void Write(StringBuilder text, Expr expr)
    {
        switch (expr)
        {
            case NumberExpr n:
                text.Append(n.IsIntegerLiteral ? "int:" : "real:").Append(n.Value);
                return;
            case BoolExpr b:
                text.Append(b.Value ? "true" : "false");
                return;
            case NameExpr name:
                text.Append('$').Append(name.Name);
                return;
            case UnaryExpr u:
                text.Append('(').Append(u.Operator);
                break;
            case BinaryExpr b:
                text.Append('(').Append(b.Operator);
                break;
            case CompareExpr c:
                text.Append('(').Append(c.Operator);
                break;
            case CallExpr call:
                text.Append('(').Append(call.Function);
                break;
            case IfExpr:
                text.Append("(If");
                break;
            case QuantifierExpr q:
                text.Append('(').Append(q.Quantifier).Append(" [")
                    .AppendJoin(' ', q.Binders.Select(b => $"{b.Name}:{b.Sort}")).Append(']');
                break;
            default:
                throw new ArgumentException($"unknown node {expr.GetType().Name}", nameof(expr));
        }

        foreach (var child in expr.Children)
        {
            text.Append(' ');
            Write(text, child);
        }
        text.Append(')');
    }
}

using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Syntax;

/// <summary>Prints a tree fully parenthesised, so a test can state the expected grouping plainly.</summary>
internal static class TreePrinter
{
    public static string Print(Expr e) => e switch
    {
        NumberExpr n => n.Value.ToString(),
        BoolExpr b => b.Value ? "true" : "false",
        NameExpr name => name.Name,
        UnaryExpr { Operator: UnaryOperator.Not } u => $"(not {Print(u.Operand)})",
        UnaryExpr u => $"(- {Print(u.Operand)})",
        BinaryExpr b => $"({Print(b.Left)} {OperatorText.Of(b.Operator)} {Print(b.Right)})",
        CompareExpr c => $"({Print(c.Left)} {OperatorText.Of(c.Operator)} {Print(c.Right)})",
        CallExpr call => $"{OperatorText.Of(call.Function)}({string.Join(", ", call.Arguments.Select(Print))})",
        IfExpr ite => $"(if {Print(ite.Condition)} then {Print(ite.Then)} else {Print(ite.Else)})",
        QuantifierExpr q => $"({q.Quantifier.ToString().ToLowerInvariant()} {string.Join(", ", q.Binders.Select(b => $"{b.Name}:{b.Sort}"))}. {Print(q.Body)})",
        _ => "?",
    };
}

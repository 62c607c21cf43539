using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>How an operator reads in messages.</summary>
public static class OperatorText
{
    public static string Of(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        BinaryOperator.Implies => "->",
        BinaryOperator.Iff => "<->",
        _ => op.ToString(),
    };

    public static string Of(CompareOperator op) => op switch
    {
        CompareOperator.Less => "<",
        CompareOperator.LessEqual => "<=",
        CompareOperator.Greater => ">",
        CompareOperator.GreaterEqual => ">=",
        CompareOperator.Equal => "=",
        CompareOperator.NotEqual => "!=",
        _ => op.ToString(),
    };

    public static string Of(Function function) => function.ToString().ToLowerInvariant();
}

namespace Hms.Proving.Syntax.Tree;

public enum UnaryOperator
{
    Negate,
    Not,
}

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    And,
    Or,
    Implies,
    Iff,
}

public enum CompareOperator
{
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
}

public enum Function
{
    Abs,
    Min,
    Max,
    Sqrt,
    Exp,
    Log,
}

public enum Quantifier
{
    Forall,
    Exists,
}

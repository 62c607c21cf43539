using Hms.Proving.Numbers;

namespace Hms.Proving.Syntax.Tree;

/// <summary>A numeric literal, exact: 0.1 is 1/10. Integer literals are Int, the others Real.</summary>
public sealed class NumberExpr(SourcePosition start, int end, Rational value, bool isIntegerLiteral) : Expr(start, end)
{
    public Rational Value { get; } = value;
    public bool IsIntegerLiteral { get; } = isIntegerLiteral;
    public override IEnumerable<Expr> Children => [];
}

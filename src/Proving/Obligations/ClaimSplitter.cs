using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// Splits a statement into parts that can be proved independently: top-level conjuncts, both directions of
/// an 'iff', and conjuncts under an implication (P -> A and B becomes P -> A, P -> B).
/// </summary>
public static class ClaimSplitter
{
    /// <summary>Beyond this many parts the rest is proved whole; hundreds of tiny goals cost more than they save.</summary>
    public const int MaxParts = 64;

    public static IReadOnlyList<ClaimPart> Split(Formula statement)
    {
        var parts = new List<ClaimPart>();
        Split(statement, statement.Tree, guard: null, parts);
        return parts;
    }

    private static void Split(Formula f, Expr claim, (Expr Expr, string Text)? guard, List<ClaimPart> parts)
    {
        if (parts.Count >= MaxParts - 1)
        {
            parts.Add(Part(f, claim, f.Quote(claim), guard));
            return;
        }
        switch (claim)
        {
            case BinaryExpr { Operator: BinaryOperator.And } and:
                Split(f, and.Left, guard, parts);
                Split(f, and.Right, guard, parts);
                break;
            case BinaryExpr { Operator: BinaryOperator.Iff } iff:
                parts.Add(Part(f, Implies(iff.Left, iff.Right), $"{f.Quote(iff.Left)} -> {f.Quote(iff.Right)}", guard));
                parts.Add(Part(f, Implies(iff.Right, iff.Left), $"{f.Quote(iff.Right)} -> {f.Quote(iff.Left)}", guard));
                break;
            case BinaryExpr { Operator: BinaryOperator.Implies, Right: BinaryExpr { Operator: BinaryOperator.And } } imp
                when guard is null:
                Split(f, imp.Right, (imp.Left, f.Quote(imp.Left)), parts);
                break;
            default:
                parts.Add(Part(f, claim, f.Quote(claim), guard));
                break;
        }
    }

    private static ClaimPart Part(Formula f, Expr claim, string text, (Expr Expr, string Text)? guard) =>
        guard is { } g ? new ClaimPart(Implies(g.Expr, claim), $"{g.Text} -> {text}") : new ClaimPart(claim, text);

    private static BinaryExpr Implies(Expr left, Expr right) =>
        new(left.Start, Math.Max(left.End, right.End), BinaryOperator.Implies, left, right) { Sort = Sort.Bool };
}

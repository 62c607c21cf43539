using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Semantics;

/// <summary>
/// Whether a formula has a term the solvers see only through lemmas (docs/decision.md): sqrt, exp, log, or a
/// power whose exponent is not a whole-number constant. Such goals are the ones that time out for want of a
/// bound or a lemma rather than of time, which is what complexity estimates and advice need to know.
/// </summary>
public static class TranscendentalForms
{
    /// <summary>Whether this node itself is such a term.</summary>
    public static bool Is(Expr e) => e switch
    {
        CallExpr { Function: Function.Sqrt or Function.Exp or Function.Log } => true,
        BinaryExpr { Operator: BinaryOperator.Power } p => ConstantFolder.TryFold(p.Right) is not { IsInteger: true },
        _ => false,
    };

    /// <summary>Whether the formula has such a term anywhere.</summary>
    public static bool Occur(Expr e) => Is(e) || e.Children.Any(Occur);
}

using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>How a surface construct is named in messages.</summary>
public static class SurfaceText
{
    public static string Describe(Expr expr) => expr switch
    {
        ApplyExpr apply => $"{apply.Name}(…)",
        SumExpr => "sum(…)",
        IndexExpr index => $"{index.Name}[…]",
        _ => expr.GetType().Name,
    };
}

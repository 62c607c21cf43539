using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Where a node built by elaboration points in the formula's text. A derivative, a sum or an expanded
/// definition has no text of its own, so its nodes quote the construct the user wrote (d(...), sum(...),
/// profit(q)): a message such as "x = 0 makes … undefined" then names the user's own words.
/// </summary>
public readonly record struct Span(SourcePosition Start, int End)
{
    public static Span Of(Expr expr) => new(expr.Start, expr.End);
}

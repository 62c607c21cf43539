using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>An operation that can be undefined, with what must hold where it is evaluated.</summary>
public sealed record DefinednessSite(
    Expr Node,
    Expr Operand,
    DefinednessRule Rule,
    IReadOnlyList<PathCondition> Path,
    IReadOnlyList<Binder> Binders);

using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// An operation that can be undefined, with what must hold where it is evaluated. <see cref="Second"/> is the
/// rule's second operand where it has one (the exponent of a symbolic power).
/// </summary>
public sealed record DefinednessSite(
    Expr Node,
    Expr Operand,
    DefinednessRule Rule,
    IReadOnlyList<PathCondition> Path,
    IReadOnlyList<Binder> Binders,
    Expr? Second = null);

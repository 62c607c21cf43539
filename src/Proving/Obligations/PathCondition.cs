using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// A fact known where an expression is evaluated: <see cref="Condition"/> is true (or false, when
/// <see cref="Holds"/> is false) there. <see cref="Depth"/> counts the quantifier variables in scope at the
/// condition, so it is read with the right bindings.
/// </summary>
public sealed record PathCondition(Expr Condition, bool Holds, int Depth);

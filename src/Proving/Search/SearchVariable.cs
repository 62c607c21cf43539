using Hms.Proving.Obligations;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>
/// One row of a search program's variable table. <see cref="Index"/> is its slot in the evaluation
/// environment; searched variables come first, so for them it is also the population column.
/// </summary>
/// <param name="IsWitness">A 'forall' variable of the statement (or 'exists' of an assumption) made searchable.</param>
/// <param name="Definition">For a defined variable: the right side of its equation, and the formula it is in.</param>
public sealed record SearchVariable(
    string Name,
    Sort Sort,
    SearchRole Role,
    int Index,
    SearchBounds? Bounds,
    bool IsWitness,
    Expr? Definition,
    Formula? DefinedIn);

using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// maximizes(c, f(q), C(q)) means C(c) and (forall q: C(q) -> f(q) &lt;= f(c)): the candidate is feasible and
/// no feasible choice does better. minimizes has &gt;=; without a constraint the forall has no premise and
/// nothing is claimed about feasibility. The choice variable q is written either as maximizes(q = c, …) or
/// left implicit: then it is the one name the objective mentions that the candidate does not.
/// f(c) and C(c) are f(q) and C(q) with c for q, after elaboration, so d(…, q) inside f means the derivative
/// at q, taken before c is put in.
/// </summary>
internal sealed class OptimumExpansion(ElaborationWalk walk, Elaborator owner, ElaborationBudget budget)
{
    public Expr Expand(ApplyExpr a, bool maximize)
    {
        if (a.Arguments.Count is not (2 or 3))
            throw new FormulaException(a.Start,
                $"{a.Name} takes a candidate, an objective and optionally a constraint, as in {a.Name}(q_star, profit(q), q >= 0); found {a.Arguments.Count} argument{(a.Arguments.Count == 1 ? "" : "s")}");
        var (choice, candidateText) = Choice(a);
        var sort = walk.Lookup(choice.Name) is { IndexValue: null } frame ? frame.Binder.Sort : owner.DeclaredSort(choice.Name) ?? Sort.Real;
        if (sort == Sort.Bool)
            throw new FormulaException(choice.Position, $"the choice variable '{choice.Name}' of {a.Name} is Bool; it must be a number");
        var binder = choice with { Sort = sort };

        var candidate = walk.Visit(candidateText);
        if (FreeNames.Mentions(candidate, choice.Name))
            throw new FormulaException(candidateText.Start,
                $"the candidate of {a.Name} mentions the choice variable '{choice.Name}' it is compared against; the candidate must be a value such as q_star");
        var (objective, constraint) = walk.Under([ScopeFrame.Bound(binder)], () =>
            (walk.Visit(a.Arguments[1]), a.Arguments.Count == 3 ? walk.Visit(a.Arguments[2]) : null));

        var replacement = new Dictionary<string, Expr>(StringComparer.Ordinal) { [choice.Name] = candidate };
        Expr AtCandidate(Expr e) => Substitution.Apply(e, replacement, null, budget, (captor, _) =>
            $"the candidate of {a.Name} mentions '{captor}', which a quantifier inside the objective or constraint binds; rename that variable");

        var terms = new Terms(Span.Of(a), budget);
        var comparison = terms.Compare(maximize ? CompareOperator.LessEqual : CompareOperator.GreaterEqual, objective, AtCandidate(objective));
        var body = constraint is null ? comparison : terms.Binary(BinaryOperator.Implies, constraint, comparison);
        var optimal = terms.Forall(binder, body);
        return constraint is null ? optimal : terms.Binary(BinaryOperator.And, AtCandidate(constraint), optimal);
    }

    private (Binder Choice, Expr Candidate) Choice(ApplyExpr a)
    {
        if (a.Arguments[0] is CompareExpr { Operator: CompareOperator.Equal, Left: NameExpr name } explicitChoice)
            return (new Binder(name.Name, Sort.Real, name.Start), explicitChoice.Right);
        var candidateNames = SurfaceNames(a.Arguments[0]);
        var chosen = SurfaceNames(a.Arguments[1])
            .Where(n => !candidateNames.Any(c => c.Name == n.Name) && !owner.Definitions.ContainsKey(n.Name) && walk.Lookup(n.Name) is not { IndexValue: not null })
            .ToList();
        if (chosen.Count != 1)
        {
            var what = chosen.Count == 0 ? "mentions no variable the candidate does not" : $"mentions {string.Join(", ", chosen.Select(c => $"'{c.Name}'"))}";
            throw new FormulaException(a.Start,
                $"cannot tell which variable {a.Name} chooses: the objective {what}; name it, as in {a.Name}(q = q_star, profit(q), q >= 0)");
        }
        return (new Binder(chosen[0].Name, Sort.Real, chosen[0].Start), a.Arguments[0]);
    }

    /// <summary>Names written in a surface tree and not bound inside it, first occurrence first.</summary>
    private static List<NameExpr> SurfaceNames(Expr e)
    {
        var names = new List<NameExpr>();
        Collect(e, [], names);
        return names;
    }

    private static void Collect(Expr e, List<string> bound, List<NameExpr> names)
    {
        switch (e)
        {
            case NameExpr n when !bound.Contains(n.Name) && !names.Any(m => m.Name == n.Name):
                names.Add(n);
                break;
            case QuantifierExpr q:
                bound.AddRange(q.Binders.Select(b => b.Name));
                Collect(q.Body, bound, names);
                bound.RemoveRange(bound.Count - q.Binders.Count, q.Binders.Count);
                break;
            case SumExpr s:
                Collect(s.From, bound, names);
                Collect(s.To, bound, names);
                bound.Add(s.Index.Name);
                Collect(s.Body, bound, names);
                bound.RemoveAt(bound.Count - 1);
                break;
            default:
                foreach (var child in e.Children) Collect(child, bound, names);
                break;
        }
    }
}

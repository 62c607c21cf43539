using Hms.Proving.Obligations;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>
/// Removes the quantifiers a search can handle by picking one value: those that are existential where the
/// formula must come out as the search wants it (an 'exists' of an assumption, a 'forall' of the statement,
/// which a counterexample makes false). Each becomes its body, with the bound variable renamed to a witness key.
/// This is sound in one direction only, the one that matters: the rewritten assumption implies the original,
/// and the original statement implies the rewritten one, so a candidate that satisfies the rewritten
/// assumptions and falsifies the rewritten statement refutes the theorem.
/// Quantifiers over Bool stay, for enumeration; any other quantifier makes the theorem unsupported.
/// </summary>
/// <param name="namesInUse">Every name the formulas use or bind: a renamed witness avoids them all, or an inner
/// binder of the same name would capture it.</param>
internal sealed class Skolemizer(IEnumerable<string> theoremVariables, IReadOnlySet<string> namesInUse)
{
    private enum Polarity { Positive, Negative, Both }

    private readonly HashSet<string> taken = new(theoremVariables, StringComparer.Ordinal);
    private readonly List<SearchWitness> witnesses = [];

    // Names in scope that a quantifier bound: the witness key, or null where an enumerated binder shadows.
    private readonly List<KeyValuePair<string, string?>> renames = [];
    private int enumeratedDepth;
    private Formula current = null!;
    private bool wantTrue;

    public IReadOnlyList<SearchWitness> Witnesses => witnesses;

    /// <param name="wantTrue">True for an assumption (the search makes it true), false for the statement.</param>
    public Formula Rewrite(Formula formula, bool wantTrue)
    {
        current = formula;
        this.wantTrue = wantTrue;
        var tree = Visit(formula.Tree, wantTrue ? Polarity.Positive : Polarity.Negative);
        return ReferenceEquals(tree, formula.Tree) ? formula : formula with { Tree = tree };
    }

    private Expr Visit(Expr expr, Polarity polarity)
    {
        switch (expr)
        {
            case NameExpr name:
                return Rename(name);
            case NumberExpr or BoolExpr:
                return expr;
            case UnaryExpr u:
                var operand = Visit(u.Operand, u.Operator == UnaryOperator.Not ? Flip(polarity) : Polarity.Both);
                return ReferenceEquals(operand, u.Operand) ? u : Typed(new UnaryExpr(u.Start, u.End, u.Operator, operand), u);
            case BinaryExpr b:
                var (leftPolarity, rightPolarity) = b.Operator switch
                {
                    BinaryOperator.And or BinaryOperator.Or => (polarity, polarity),
                    BinaryOperator.Implies => (Flip(polarity), polarity),
                    _ => (Polarity.Both, Polarity.Both),
                };
                var left = Visit(b.Left, leftPolarity);
                var right = Visit(b.Right, rightPolarity);
                return ReferenceEquals(left, b.Left) && ReferenceEquals(right, b.Right)
                    ? b : Typed(new BinaryExpr(b.Start, b.End, b.Operator, left, right), b);
            case CompareExpr c:
                var l = Visit(c.Left, Polarity.Both);
                var r = Visit(c.Right, Polarity.Both);
                return ReferenceEquals(l, c.Left) && ReferenceEquals(r, c.Right)
                    ? c : Typed(new CompareExpr(c.Start, c.End, c.Operator, l, r), c);
            case CallExpr call:
                var arguments = call.Arguments.Select(a => Visit(a, Polarity.Both)).ToList();
                return arguments.SequenceEqual(call.Arguments)
                    ? call : Typed(new CallExpr(call.Start, call.End, call.Function, arguments), call);
            case IfExpr ite:
                // A formula-valued 'if' is monotone in its branches; a numeric one hides its formulas in the condition.
                var branches = ite.Sort == Sort.Bool ? polarity : Polarity.Both;
                var condition = Visit(ite.Condition, Polarity.Both);
                var then = Visit(ite.Then, branches);
                var otherwise = Visit(ite.Else, branches);
                return ReferenceEquals(condition, ite.Condition) && ReferenceEquals(then, ite.Then) && ReferenceEquals(otherwise, ite.Else)
                    ? ite : Typed(new IfExpr(ite.Start, ite.End, condition, then, otherwise), ite);
            case QuantifierExpr q:
                return VisitQuantifier(q, polarity);
            default:
                throw new SearchUnsupportedException($"{current.Role}: unexpected node {expr.GetType().Name}");
        }
    }

    private Expr VisitQuantifier(QuantifierExpr q, Polarity polarity)
    {
        var existential = (q.Quantifier == Quantifier.Exists && polarity == Polarity.Positive)
                          || (q.Quantifier == Quantifier.Forall && polarity == Polarity.Negative);
        if (existential && enumeratedDepth == 0)
        {
            var keys = q.Binders.Select(b => Fresh(b.Name)).ToList();
            var at = witnesses.Count; // outer witnesses are listed before those of nested quantifiers
            for (var i = 0; i < keys.Count; i++) renames.Add(new(q.Binders[i].Name, keys[i]));
            var body = Visit(q.Body, polarity);
            renames.RemoveRange(renames.Count - keys.Count, keys.Count);
            // What the body must satisfy bounds the witness: 'forall q: 0 <= q <= 1 -> ...' fails only where 0 <= q <= 1.
            var guards = polarity == Polarity.Positive ? Conjuncts.Of(body)
                : body is BinaryExpr { Operator: BinaryOperator.Implies } implies ? Conjuncts.Of(implies.Left) : [];
            witnesses.InsertRange(at, keys.Select((key, i) => new SearchWitness(key, q.Binders[i], guards, !wantTrue)));
            return body;
        }
        if (q.Binders.All(b => b.Sort == Sort.Bool) && q.Binders.Count <= FormulaLimits.MaxEnumeratedBoolBinders)
        {
            foreach (var binder in q.Binders) renames.Add(new(binder.Name, null));
            enumeratedDepth++;
            var body = Visit(q.Body, polarity);
            enumeratedDepth--;
            renames.RemoveRange(renames.Count - q.Binders.Count, q.Binders.Count);
            return ReferenceEquals(body, q.Body) ? q : Typed(new QuantifierExpr(q.Start, q.End, q.Quantifier, q.Binders, body), q);
        }
        var text = current.Quote(q);
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        var where = polarity == Polarity.Both ? "where it must be both true and false (under '<->', '=' or an 'if' condition)"
            : enumeratedDepth > 0 ? "inside a quantifier over Bool"
            : q.Quantifier == Quantifier.Forall ? "where it must hold for every value" : "where no value may satisfy it";
        throw new SearchUnsupportedException(
            $"{current.Role} at {q.Start}: '{shown}' ranges over infinitely many values {where}; the search can only pick single witnesses " +
            "(for leading 'forall' of the statement and 'exists' of assumptions)");
    }

    private NameExpr Rename(NameExpr name)
    {
        for (var i = renames.Count - 1; i >= 0; i--)
        {
            if (renames[i].Key != name.Name) continue;
            return renames[i].Value is { } key ? Typed(new NameExpr(name.Start, name.End, key), name) : name;
        }
        return name;
    }

    private string Fresh(string name)
    {
        var key = name;
        for (var n = 1; taken.Contains(key) || (key != name && namesInUse.Contains(key)); n++) key = $"{name}_{n}";
        taken.Add(key);
        return key;
    }

    private static Polarity Flip(Polarity p) => p switch
    {
        Polarity.Positive => Polarity.Negative,
        Polarity.Negative => Polarity.Positive,
        _ => Polarity.Both,
    };

    private static T Typed<T>(T rebuilt, Expr original) where T : Expr
    {
        rebuilt.Sort = original.Sort;
        return rebuilt;
    }
}

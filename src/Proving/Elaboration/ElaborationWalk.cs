using System.Numerics;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// One pass of <see cref="Elaborator"/> over a surface tree: core nodes are rebuilt with elaborated children,
/// surface nodes are replaced by what they mean. Keeps the names in scope so that a definition's body cannot
/// silently meet a quantifier of the formula it is used in.
/// </summary>
internal sealed class ElaborationWalk(Elaborator owner, ElaborationBudget budget, List<ScopeFrame> scope)
{
    public Expr Run(Expr e)
    {
        budget.Enter(Span.Of(e), "formulas, definitions and derivatives");
        try
        {
            return Visit(e);
        }
        finally
        {
            budget.Leave();
        }
    }

    public Expr Visit(Expr e)
    {
        var span = Span.Of(e);
        budget.Count(span);
        switch (e)
        {
            case NumberExpr n:
                return new NumberExpr(n.Start, n.End, n.Value, n.IsIntegerLiteral);
            case BoolExpr b:
                return new BoolExpr(b.Start, b.End, b.Value);
            case NameExpr n:
                return Name(n);
            case UnaryExpr u:
                return new UnaryExpr(u.Start, u.End, u.Operator, Visit(u.Operand));
            case BinaryExpr b:
                return new BinaryExpr(b.Start, b.End, b.Operator, Visit(b.Left), Visit(b.Right));
            case CompareExpr c:
                return new CompareExpr(c.Start, c.End, c.Operator, Visit(c.Left), Visit(c.Right));
            case CallExpr c:
                return new CallExpr(c.Start, c.End, c.Function, [.. c.Arguments.Select(Visit)]);
            case IfExpr i:
                return new IfExpr(i.Start, i.End, Visit(i.Condition), Visit(i.Then), Visit(i.Else));
            case QuantifierExpr q:
                return new QuantifierExpr(q.Start, q.End, q.Quantifier, q.Binders, Under(q.Binders.Select(ScopeFrame.Bound), () => Visit(q.Body)));
            case IndexExpr x:
                return Element(x);
            case SumExpr s:
                return Sum(s);
            case ApplyExpr a when a.Name == ElaborationNames.Derivative:
                return Derivative(a);
            case ApplyExpr a when a.Name is ElaborationNames.Maximizes or ElaborationNames.Minimizes:
                return new OptimumExpansion(this, owner, budget).Expand(a, a.Name == ElaborationNames.Maximizes);
            case ApplyExpr a:
                return Use(a);
            default:
                throw new InvalidOperationException($"unexpected node {e.GetType().Name}");
        }
    }

    public T Under<T>(IEnumerable<ScopeFrame> frames, Func<T> visit)
    {
        var added = frames.ToList();
        scope.AddRange(added);
        try
        {
            return visit();
        }
        finally
        {
            scope.RemoveRange(scope.Count - added.Count, added.Count);
        }
    }

    /// <summary>The innermost binding of a name, or null when it is free here.</summary>
    public ScopeFrame? Lookup(string name) => scope.LastOrDefault(f => f.Name == name);

    private Expr Name(NameExpr n)
    {
        if (Lookup(n.Name) is { } frame)
        {
            return frame.IndexValue is { } value
                ? new Terms(Span.Of(n), budget).Number(value)
                : new NameExpr(n.Start, n.End, n.Name);
        }
        if (owner.Definitions.TryGetValue(n.Name, out var definition))
        {
            if (definition.Parameters.Count > 0)
                throw new FormulaException(n.Start,
                    $"'{n.Name}' is a function of {Plural(definition.Parameters.Count, "argument")} ('{definition.Head}'); write {definition.Name}(…)");
            return Expand(definition, [], Span.Of(n));
        }
        if (owner.Declarations.Indexed.TryGetValue(n.Name, out var indexed))
            throw new FormulaException(n.Start,
                $"'{n.Name}' is declared as {indexed.Declaration}; write one element such as {n.Name}[{indexed.From}], or sum({IndexHint(n.Name)} in {indexed.From}..{indexed.To}, {n.Name}[{IndexHint(n.Name)}])");
        return new NameExpr(n.Start, n.End, n.Name);
    }

    private static string IndexHint(string name) => name == "i" ? "j" : "i";

    private Expr Element(IndexExpr x)
    {
        if (!owner.Declarations.Indexed.TryGetValue(x.Name, out var indexed))
            throw new FormulaException(x.Start,
                $"'{x.Name}' is not an indexed variable; declare it in variables, e.g. {x.Name}[1..3]: Real");
        var index = IntegerConstant(Visit(x.Index), x.Index,
            $"the index of {x.Name}[…] must be a whole number or the index of an enclosing sum, such as {x.Name}[2] or {x.Name}[i]");
        if (!indexed.Contains(index))
            throw new FormulaException(x.Index.Start, $"{x.Name}[{index}] is out of range: {x.Name} is declared as {indexed.Declaration}");
        return new NameExpr(x.Start, x.End, IndexExpr.ElementName(x.Name, index));
    }

    private Expr Sum(SumExpr s)
    {
        const string literal = "the bounds of a sum must be whole numbers (such as 1..3, or a definition n: \"3\")";
        var from = IntegerConstant(Visit(s.From), s.From, literal);
        var to = IntegerConstant(Visit(s.To), s.To, literal);
        if (to - from + 1 > FormulaLimits.MaxRangeLength)
            throw new FormulaException(s.From.Start,
                $"the range {from}..{to} of this sum has {to - from + 1:N0} terms; at most {FormulaLimits.MaxRangeLength:N0}");
        var terms = new List<Expr>();
        for (var i = from; i <= to; i++)
        {
            var value = i;
            terms.Add(Under([ScopeFrame.Index(s.Index, value)], () => Visit(s.Body)));
        }
        return new Terms(Span.Of(s), budget).Sum(terms);
    }

    private static BigInteger IntegerConstant(Expr elaborated, Expr written, string rule)
    {
        Numbers.Rational? value;
        try
        {
            value = ConstantFolder.TryFold(elaborated);
        }
        catch (FormulaException)
        {
            value = null;
        }
        if (value is not { IsInteger: true } integer)
            throw new FormulaException(written.Start, rule);
        return integer.Numerator;
    }

    private Expr Derivative(ApplyExpr a)
    {
        if (a.Arguments.Count is not (2 or 3))
            throw new FormulaException(a.Start,
                $"d takes an expression and one or two variables, d(f, x) or d(f, x, y); found {Plural(a.Arguments.Count, "argument")}");
        var function = CheckedHeight(Run(a.Arguments[0]), Span.Of(a));
        var variables = a.Arguments.Skip(1).Select(VariableOf).ToList();
        var terms = new Terms(Span.Of(a), budget);
        var domain = new List<Expr>(DomainConditions.Of(function, terms));
        var current = function;
        foreach (var (variable, i) in variables.Select((v, i) => (v, i)))
        {
            if (i > 0) domain.AddRange(DomainConditions.Of(current, terms));
            current = new Differentiator(variable, terms, budget).Derive(current);
        }
        // A derivative of a derivative comes back guarded; one guard with both domains says the same.
        while (current is IfExpr inner && DomainConditions.IsGuard(inner))
        {
            domain.Add(inner.Condition);
            current = inner.Then;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        domain = [.. domain.Where(c => seen.Add(FormulaPrinter.Print(c)))];
        return domain.Count == 0 ? current : DomainConditions.Guard(terms, terms.All(domain)!, current);
    }

    /// <summary>The name of the variable a derivative is taken with respect to; it must be a Real variable.</summary>
    private string VariableOf(Expr written)
    {
        var elaborated = Visit(written);
        if (elaborated is not NameExpr name)
            throw new FormulaException(written.Start,
                $"d(f, x) differentiates with respect to a variable; '{Describe(written)}' is not one{(written is NameExpr ? " (it is a definition)" : "")}");
        var sort = Lookup(name.Name) is { } frame ? frame.Binder.Sort : owner.DeclaredSort(name.Name) ?? Sort.Real;
        if (sort != Sort.Real)
            throw new FormulaException(written.Start, $"d(f, {name.Name}) needs a Real variable; '{name.Name}' is {sort}");
        return name.Name;
    }

    private static string Describe(Expr e) => e switch
    {
        NameExpr n => n.Name,
        NumberExpr n => n.Value.ToString(),
        _ => FormulaPrinter.Print(e),
    };

    private Expr Use(ApplyExpr a)
    {
        if (!owner.Definitions.TryGetValue(a.Name, out var definition))
        {
            var known = string.Join(", ", ElaborationNames.Reserved.Where(n => n != Parser.SumKeyword));
            var defined = owner.Definitions.Count == 0 ? "" : $"; defined in this theorem: {string.Join(", ", owner.Definitions.Values.Select(d => d.Head))}";
            var guess = Documents.Reading.Spelling.Closest(a.Name, [.. ElaborationNames.Reserved, .. owner.Definitions.Keys]) is { } close ? $"; did you mean '{close}'?" : "";
            throw new FormulaException(a.Start, $"unknown function '{a.Name}' (known: {known}{defined}){guess}");
        }
        if (a.Arguments.Count != definition.Parameters.Count)
            throw new FormulaException(a.Start,
                $"'{a.Name}' takes {Plural(definition.Parameters.Count, "argument")} ('{definition.Head}'), found {a.Arguments.Count}");
        var arguments = a.Arguments.Select(Visit).ToList();
        return Expand(definition, arguments, Span.Of(a));
    }

    /// <summary>A use of a definition: its body, moved to the use, with the arguments for the parameters.</summary>
    public Expr Expand(Definition definition, IReadOnlyList<Expr> arguments, Span use)
    {
        var body = owner.BodyOf(definition, use);
        var parameters = definition.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var global in FreeNames.Of(body).Where(n => !parameters.Contains(n)))
        {
            if (Lookup(global) is { IndexValue: null } binder)
                throw new FormulaException(use.Start,
                    $"'{definition.Head}' uses the variable '{global}', but here '{global}' is bound by the quantifier at {binder.Binder.Position}; rename that bound variable");
        }
        var replacements = definition.Parameters.Select((p, i) => (p.Name, arguments[i]))
            .ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
        var expanded = Substitution.Apply(body, replacements, use, budget, (binder, parameter) =>
            $"the argument for '{parameter}' of '{definition.Head}' mentions '{binder}', which a quantifier inside '{definition.Name}' binds; rename that variable in the definition");
        return CheckedHeight(expanded, use);
    }

    /// <summary>Walkers after elaboration recurse as deep as the tree is high; keep it within the parser's bound.</summary>
    public static Expr CheckedHeight(Expr e, Span at)
    {
        if (e.Height > FormulaLimits.MaxHeight)
            throw new FormulaException(at.Start,
                $"this expands to a formula nested deeper than {FormulaLimits.MaxHeight} levels; split it into assumptions or definitions");
        return e;
    }

    private static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}

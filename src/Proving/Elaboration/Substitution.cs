using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Copies a core tree, replacing free names by expressions (a definition's parameters by its arguments,
/// a maximizer's choice variable by the candidate) and, for a definition's body, moving every node of the
/// body to the place of the use. A replacement that a binder of the tree would capture is an error rather
/// than a silent change of meaning: forall y: … x … with x := y would say something else.
/// </summary>
internal sealed class Substitution
{
    private readonly IReadOnlyDictionary<string, Expr> replacements;
    private readonly Dictionary<string, HashSet<string>> freeNames = new(StringComparer.Ordinal);
    private readonly Span? moveTo;
    private readonly ElaborationBudget budget;
    private readonly Func<string, string, string> captureMessage;
    private readonly List<Binder> bound = [];

    /// <param name="moveTo">The span every copied node of the tree takes; null keeps their own.</param>
    /// <param name="captureMessage">The error when a binder named (1) would capture name (2) of a replacement.</param>
    private Substitution(IReadOnlyDictionary<string, Expr> replacements, Span? moveTo, ElaborationBudget budget,
        Func<string, string, string> captureMessage)
    {
        this.replacements = replacements;
        this.moveTo = moveTo;
        this.budget = budget;
        this.captureMessage = captureMessage;
    }

    public static Expr Apply(Expr tree, IReadOnlyDictionary<string, Expr> replacements, Span? moveTo, ElaborationBudget budget,
        Func<string, string, string> captureMessage) =>
        new Substitution(replacements, moveTo, budget, captureMessage).Copy(tree);

    /// <summary>A fresh copy of a tree with its own spans.</summary>
    public static Expr Clone(Expr tree, ElaborationBudget budget) =>
        Apply(tree, new Dictionary<string, Expr>(), null, budget, (_, _) => "");

    private Expr Copy(Expr e)
    {
        var (start, end) = moveTo is { } m ? (m.Start, m.End) : (e.Start, e.End);
        budget.Count(moveTo ?? Span.Of(e));
        switch (e)
        {
            case NameExpr n when !bound.Any(b => b.Name == n.Name) && replacements.TryGetValue(n.Name, out var value):
                CheckCapture(n.Name, value);
                return Apply(value, new Dictionary<string, Expr>(), null, budget, captureMessage);
            case NameExpr n:
                return new NameExpr(start, end, n.Name);
            case NumberExpr n:
                return new NumberExpr(start, end, n.Value, n.IsIntegerLiteral);
            case BoolExpr b:
                return new BoolExpr(start, end, b.Value);
            case UnaryExpr u:
                return new UnaryExpr(start, end, u.Operator, Copy(u.Operand));
            case BinaryExpr b:
                return new BinaryExpr(start, end, b.Operator, Copy(b.Left), Copy(b.Right));
            case CompareExpr c:
                return new CompareExpr(start, end, c.Operator, Copy(c.Left), Copy(c.Right));
            case CallExpr c:
                return new CallExpr(start, end, c.Function, [.. c.Arguments.Select(Copy)]);
            case IfExpr i:
                return new IfExpr(start, end, Copy(i.Condition), Copy(i.Then), Copy(i.Else));
            case QuantifierExpr q:
                bound.AddRange(q.Binders);
                var body = Copy(q.Body);
                bound.RemoveRange(bound.Count - q.Binders.Count, q.Binders.Count);
                var binders = moveTo is { } to ? [.. q.Binders.Select(b => b with { Position = to.Start })] : q.Binders;
                return new QuantifierExpr(start, end, q.Quantifier, binders, body);
            default:
                throw new InvalidOperationException($"substitution meets a {e.GetType().Name}, which elaboration removes");
        }
    }

    private void CheckCapture(string name, Expr value)
    {
        if (bound.Count == 0) return;
        if (!freeNames.TryGetValue(name, out var names))
            freeNames[name] = names = FreeNames.Of(value);
        var captor = bound.LastOrDefault(b => names.Contains(b.Name));
        if (captor is not null)
            throw new FormulaException(value.Start, captureMessage(captor.Name, name));
    }
}

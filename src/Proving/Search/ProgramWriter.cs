using System.Text.Json.Nodes;
using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>
/// Writes a typed formula as the search program's tree: JSON arrays whose first item names the operation
/// (["add", a, b], ["var", 3], ["const", 0.5]). Names become slots of the variable table; a Bool quantifier's
/// variables get slots of their own, appended as <see cref="SearchRole.Bound"/>. The Python evaluator reads
/// only this tree, never the user's text.
/// </summary>
internal sealed class ProgramWriter(List<SearchVariable> table)
{
    private readonly Dictionary<string, int> globals = table.ToDictionary(v => v.Name, v => v.Index, StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, int>> scope = [];

    /// <summary>False once a tree used sqrt, exp, log or a fractional power: exact checks may then be impossible.</summary>
    public bool Exact { get; private set; } = true;

    public JsonNode Write(Expr expr) => expr switch
    {
        NumberExpr n => Node("const", Number(n.Value)),
        BoolExpr b => Node(b.Value ? "true" : "false"),
        NameExpr name => Node("var", Slot(name.Name)),
        UnaryExpr { Operator: UnaryOperator.Not } u => Node("not", Write(u.Operand)),
        UnaryExpr u => Node("neg", Write(u.Operand)),
        BinaryExpr { Operator: BinaryOperator.Power } p => Power(p),
        BinaryExpr b => Node(BinaryName(b.Operator), Write(b.Left), Write(b.Right)),
        CompareExpr { Left.Sort: Sort.Bool } c => c.Operator == CompareOperator.Equal
            ? Node("iff", Write(c.Left), Write(c.Right))
            : Node("not", Node("iff", Write(c.Left), Write(c.Right))),
        CompareExpr c => Node(CompareName(c.Operator), Write(c.Left), Write(c.Right)),
        CallExpr call => Call(call),
        IfExpr ite => Node("ite", Write(ite.Condition), Write(ite.Then), Write(ite.Else)),
        QuantifierExpr q => Enumerated(q),
        _ => throw new SearchUnsupportedException($"unexpected node {expr.GetType().Name}"),
    };

    private JsonNode Power(BinaryExpr p)
    {
        var exponent = ConstantFolder.TryFold(p.Right) ?? throw new SearchUnsupportedException("an exponent that is not a constant");
        if (!exponent.IsInteger) Exact = false;
        return Node("pow", Write(p.Left), Number(exponent));
    }

    private JsonNode Call(CallExpr call)
    {
        if (call.Function is Function.Sqrt or Function.Exp or Function.Log) Exact = false;
        var name = call.Function switch
        {
            Function.Abs => "abs",
            Function.Min => "min",
            Function.Max => "max",
            Function.Sqrt => "sqrt",
            Function.Exp => "exp",
            _ => "log",
        };
        return Node(name, [.. call.Arguments.Select(Write)]);
    }

    private JsonNode Enumerated(QuantifierExpr q)
    {
        // Only Bool quantifiers reach here (the skolemizer removed or rejected the others); they are enumerated.
        var slots = new JsonArray();
        foreach (var binder in q.Binders)
        {
            var slot = table.Count;
            table.Add(new SearchVariable(binder.Name, binder.Sort, SearchRole.Bound, slot, null, false, null, null));
            scope.Add(new(binder.Name, slot));
            slots.Add(slot);
        }
        var body = Write(q.Body);
        scope.RemoveRange(scope.Count - q.Binders.Count, q.Binders.Count);
        return Node(q.Quantifier == Quantifier.Forall ? "forall" : "exists", slots, body);
    }

    private int Slot(string name)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            if (scope[i].Key == name) return scope[i].Value;
        }
        return globals.TryGetValue(name, out var slot) ? slot : throw new InvalidOperationException($"no slot for '{name}'");
    }

    /// <summary>Doubles for the evaluator; a constant beyond double's range saturates rather than breaking JSON.</summary>
    private static double Number(Rational value) => Math.Clamp(value.ToDouble(), -double.MaxValue, double.MaxValue);

    private static JsonArray Node(string op, params JsonNode?[] items) => new([JsonValue.Create(op), .. items]);

    private static string BinaryName(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "add",
        BinaryOperator.Subtract => "sub",
        BinaryOperator.Multiply => "mul",
        BinaryOperator.Divide => "div",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        BinaryOperator.Implies => "implies",
        BinaryOperator.Iff => "iff",
        _ => throw new SearchUnsupportedException($"operator {op}"),
    };

    private static string CompareName(CompareOperator op) => op switch
    {
        CompareOperator.Less => "lt",
        CompareOperator.LessEqual => "le",
        CompareOperator.Greater => "gt",
        CompareOperator.GreaterEqual => "ge",
        CompareOperator.Equal => "eq",
        _ => "ne",
    };
}

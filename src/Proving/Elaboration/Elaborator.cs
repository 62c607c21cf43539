using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// Where the economist's constructs become the core language: definitions are expanded, d(...) is
/// differentiated, sum(...) is unrolled, x[i] becomes the variable x[2], and maximizes/minimizes become
/// the quantified formula they abbreviate. What comes out contains only the nodes the type checker, the
/// definedness walker and the SMT encoder know, so these constructs have no semantics of their own anywhere
/// else. Runs between parsing and type checking; each problem is a <see cref="FormulaException"/> at the
/// place of the use (for problems inside a definition, <see cref="CheckDefinitions"/> reports them once, with
/// the definition's name and the place in its text).
/// </summary>
public sealed class Elaborator
{
    private readonly Dictionary<string, Definition> definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> failed = new(StringComparer.Ordinal);
    private readonly List<string> inProgress = [];
    private readonly Dictionary<string, Sort> declaredSorts;
    private readonly CancellationToken cancellationToken;

    private Elaborator(Declarations declarations, CancellationToken cancellationToken)
    {
        Declarations = declarations;
        declaredSorts = declarations.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        this.cancellationToken = cancellationToken;
    }

    internal Declarations Declarations { get; }

    internal IReadOnlyDictionary<string, Definition> Definitions => definitions;

    /// <summary>
    /// Reads the definitions (head text to body text) and expands each once, so that every problem in them is
    /// reported even when no formula uses it. Problems are added to <paramref name="errors"/>.
    /// </summary>
    public static Elaborator Create(IEnumerable<KeyValuePair<string, string>> definitionTexts, Declarations declarations,
        List<string> errors, CancellationToken cancellationToken = default)
    {
        var elaborator = new Elaborator(declarations, cancellationToken);
        foreach (var (head, body) in definitionTexts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var definition = Definition.Read(head, body);
                if (elaborator.definitions.TryGetValue(definition.Name, out var other))
                    errors.Add($"definition '{definition.Head}': '{definition.Name}' is already defined as '{other.Head}'");
                else if (elaborator.declaredSorts.ContainsKey(definition.Name) || declarations.Indexed.ContainsKey(definition.Name))
                    errors.Add($"definition '{definition.Head}': '{definition.Name}' is also declared as a variable; a name is one or the other");
                else
                    elaborator.definitions.Add(definition.Name, definition);
            }
            catch (DefinitionException e)
            {
                errors.Add(e.Message);
            }
        }
        var (order, cycles) = DefinitionOrder.Of(elaborator.definitions);
        foreach (var (name, cycle) in cycles)
            elaborator.failed[name] = $"definition '{elaborator.definitions[name].Head}': definitions may not be recursive: {cycle}";
        foreach (var definition in order.Concat(elaborator.definitions.Values.Except(order)))
        {
            try
            {
                elaborator.BodyOf(definition, new Span(new SourcePosition(0, 1, 1), 0));
            }
            catch (FormulaException)
            {
                // Recorded in failed by BodyOf, with the definition's name and the place in its text.
            }
        }
        errors.AddRange(elaborator.definitions.Keys.Where(elaborator.failed.ContainsKey).Select(n => elaborator.failed[n]));
        return elaborator;
    }

    /// <summary>The core tree a parsed formula means.</summary>
    /// <exception cref="FormulaException">a construct is misused; the position is in the formula's text.</exception>
    public Expr Elaborate(Expr formula)
    {
        var budget = new ElaborationBudget(cancellationToken);
        return ElaborationWalk.CheckedHeight(new ElaborationWalk(this, budget, []).Run(formula), Span.Of(formula));
    }

    internal Sort? DeclaredSort(string name) => declaredSorts.TryGetValue(name, out var sort) ? sort : null;

    /// <summary>The body of a definition as a core tree whose free names include its parameters; expanded once.</summary>
    internal Expr BodyOf(Definition definition, Span use)
    {
        if (bodies.TryGetValue(definition.Name, out var done)) return done;
        if (failed.ContainsKey(definition.Name))
            throw new FormulaException(use.Start, $"'{definition.Name}' cannot be used: its definition '{definition.Head}' has errors (reported with it)");
        var cycleAt = inProgress.IndexOf(definition.Name);
        if (cycleAt >= 0)
            throw new FormulaException(use.Start,
                $"definitions may not be recursive: {string.Join(" -> ", inProgress.Skip(cycleAt).Append(definition.Name))}");
        inProgress.Add(definition.Name);
        try
        {
            var budget = new ElaborationBudget(cancellationToken);
            var scope = definition.Parameters.Select(ScopeFrame.Bound).ToList();
            var body = new ElaborationWalk(this, budget, scope).Run(definition.Body);
            bodies[definition.Name] = body;
            return body;
        }
        catch (FormulaException e)
        {
            failed.TryAdd(definition.Name, $"definition '{definition.Head}' {e.Position}: {e.Reason}");
            throw new FormulaException(use.Start, $"'{definition.Name}' cannot be used: its definition '{definition.Head}' has errors (reported with it)");
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
        }
    }
}

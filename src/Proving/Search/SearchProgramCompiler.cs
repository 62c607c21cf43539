using System.Text.Json.Nodes;
using Hms.Proving.Compiling;
using Hms.Proving.Obligations;

namespace Hms.Proving.Search;

/// <summary>Builds a <see cref="SearchProgram"/>: quantifiers to witnesses, definitions, bounds, targets, then the JSON.</summary>
internal static class SearchProgramCompiler
{
    public static SearchProgram Compile(CompiledTheorem theorem, CancellationToken cancellationToken)
    {
        if (theorem.Statement is null)
            return new SearchProgram(theorem, $"the genetic search needs an infix theorem; this one is {theorem.Document.Format}");
        try
        {
            return Build(theorem, theorem.Statement, cancellationToken);
        }
        catch (SearchUnsupportedException e)
        {
            return new SearchProgram(theorem, e.Message);
        }
    }

    private static SearchProgram Build(CompiledTheorem theorem, Formula originalStatement, CancellationToken ct)
    {
        var skolemizer = new Skolemizer(theorem.Variables.Select(v => v.Name),
            Semantics.NamesInUse.Of(theorem.Assumptions.Select(a => a.Tree).Append(originalStatement.Tree)));
        var assumptions = theorem.Assumptions.Select(a => skolemizer.Rewrite(a, wantTrue: true)).ToList();
        var statement = skolemizer.Rewrite(originalStatement, wantTrue: false);
        var witnesses = skolemizer.Witnesses;

        var sorts = theorem.Variables.Select(v => KeyValuePair.Create(v.Name, v.Sort))
            .Concat(witnesses.Select(w => KeyValuePair.Create(w.Key, w.Binder.Sort)))
            .ToDictionary(StringComparer.Ordinal);
        ct.ThrowIfCancellationRequested();
        var definitions = DefinitionFinder.Find(assumptions, sorts);
        var defined = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

        var bounds = new BoundFinder();
        foreach (var fact in assumptions.SelectMany(a => Conjuncts.Of(a.Tree)).Concat(witnesses.SelectMany(w => w.Guards)))
            bounds.Read(fact);

        var table = new List<SearchVariable>();
        foreach (var (name, sort) in sorts.Where(s => !defined.ContainsKey(s.Key)))
        {
            var witness = witnesses.Any(w => w.Key == name);
            table.Add(new SearchVariable(name, sort, SearchRole.Searched, table.Count, bounds.BoundsOf(name, sort), witness, null, null));
        }
        foreach (var d in definitions)
            table.Add(new SearchVariable(d.Name, sorts[d.Name], SearchRole.Defined, table.Count, null, witnesses.Any(w => w.Key == d.Name), d.Value, d.Source));

        ct.ThrowIfCancellationRequested();
        var writer = new ProgramWriter(table);
        var definitionTrees = definitions.ToDictionary(d => d.Name, d => writer.Write(d.Value), StringComparer.Ordinal);
        var assumptionTrees = new JsonArray([.. assumptions.Select(a => writer.Write(a.Tree))]);
        var statementTree = writer.Write(statement.Tree);
        ct.ThrowIfCancellationRequested();
        var divisors = Divisors(assumptions, statement);
        var divisorNodes = new JsonArray([.. divisors.Select(d => DivisorNode(d, writer))]);

        var json = new JsonObject
        {
            ["version"] = SearchProgram.Version,
            ["supported"] = true,
            ["reason"] = null,
            ["theorem"] = theorem.Document.Id,
            ["tolerance"] = SearchProgram.DefaultTolerance,
            ["columns"] = table.Count(v => v.Role == SearchRole.Searched),
            ["variables"] = new JsonArray([.. table.Select(v => VariableNode(v, v.Role == SearchRole.Defined ? definitionTrees[v.Name] : null))]),
            ["assumptions"] = assumptionTrees,
            ["statement"] = statementTree,
            ["divisors"] = divisorNodes,
        };
        return new SearchProgram(theorem, null)
        {
            Variables = table,
            Assumptions = assumptions,
            Statement = statement,
            Witnesses = witnesses,
            Definitions = definitions,
            Divisors = divisors,
            ExactlyCheckable = writer.Exact,
            Json = json,
        };
    }

    /// <summary>Every operation that may be undefined outside an enumerated quantifier, in evaluation order.</summary>
    private static List<DivisorTarget> Divisors(IReadOnlyList<Formula> assumptions, Formula statement)
    {
        var targets = new List<DivisorTarget>();
        for (var i = 0; i <= assumptions.Count && targets.Count < SearchProgram.MaxDivisorTargets; i++)
        {
            var source = i < assumptions.Count ? assumptions[i] : statement;
            // Sites under a Bool quantifier depend on its enumerated values: the exact check still catches them.
            foreach (var site in DefinednessWalker.Walk(source.Tree).Where(s => s.Binders.Count == 0))
            {
                if (targets.Count == SearchProgram.MaxDivisorTargets) break;
                targets.Add(new DivisorTarget(i, source, site));
            }
        }
        return targets;
    }

    private static JsonObject DivisorNode(DivisorTarget target, ProgramWriter writer) => new()
    {
        ["formula"] = target.FormulaIndex,
        ["rule"] = target.Site.Rule == DefinednessRule.NonZero ? "zero"
            : target.Site.Rule == DefinednessRule.NonNegative ? "negative" : "nonpositive",
        ["operand"] = writer.Write(target.Site.Operand),
        ["path"] = new JsonArray([.. target.Site.Path.Select(p => (JsonNode)new JsonObject
        {
            ["condition"] = writer.Write(p.Condition),
            ["holds"] = p.Holds,
        })]),
        ["text"] = target.Description,
    };

    private static JsonObject VariableNode(SearchVariable v, JsonNode? definition)
    {
        var node = new JsonObject
        {
            ["name"] = v.Name,
            ["sort"] = v.Sort.ToString().ToLowerInvariant(),
            ["role"] = v.Role.ToString().ToLowerInvariant(),
            ["index"] = v.Index,
            ["witness"] = v.IsWitness,
        };
        if (v.Bounds is { } b)
        {
            node["low"] = b.Low;
            node["high"] = b.High;
            node["low_open"] = b.LowOpen;
            node["high_open"] = b.HighOpen;
            node["low_given"] = b.LowFromAssumptions;
            node["high_given"] = b.HighFromAssumptions;
        }
        if (definition is not null) node["definition"] = definition;
        return node;
    }
}

using Hms.Proving.Semantics;
using Hms.Proving.Smt;
using Hms.Proving.Smt.Transcendental;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>
/// Turns a typed infix theorem into its obligations: the consistency of the assumptions, the definedness
/// of every partial operation (assumptions left to right, then the statement), and the parts of the
/// statement. Every obligation re-encodes the assumptions it rests on, so the work grows with their product:
/// the count and the SMT-LIB written are bounded (<see cref="FormulaLimits.MaxObligations"/>,
/// <see cref="FormulaLimits.MaxEncodedLength"/>) and checked as they grow, with the cancellation token.
/// </summary>
public sealed class InfixObligationBuilder(IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Formula> assumptions, Formula statement)
{
    /// <summary>Names a witness must not take: the theorem's variables and every name its formulas use or bind.</summary>
    private readonly HashSet<string> namesInUse = [.. variables.Select(v => v.Name),
        .. NamesInUse.Of(assumptions.Select(a => a.Tree).Append(statement.Tree))];

    private long encoded;
    private int count;

    /// <summary>The transcendental terms of the script being built (one per obligation, shared by its encoders).</summary>
    private TranscendentalTerms terms = new();
    private CancellationToken cancellationToken;

    /// <exception cref="ObligationLimitException">the theorem needs more obligations or SMT-LIB than the limits allow.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public IReadOnlyList<Obligation> Build(CancellationToken cancellationToken = default)
    {
        this.cancellationToken = cancellationToken;
        encoded = 0;
        count = 0;
        var obligations = new List<Obligation>();
        if (assumptions.Count > 0)
        {
            var script = NewScript();
            Next();
            AddAssumptions(script, assumptions.Count);
            DeclareUsed(script, []);
            obligations.Add(new ConsistencyObligation("consistency", script));
        }
        var wd = 0;
        for (var i = 0; i <= assumptions.Count; i++)
        {
            var source = i < assumptions.Count ? assumptions[i] : statement;
            foreach (var site in DefinednessWalker.Walk(source.Tree))
            {
                Next();
                obligations.Add(Definedness($"wd-{++wd}", i, source, site));
            }
        }
        var parts = ClaimSplitter.Split(statement);
        var cases = CaseSplit.Find(assumptions);
        for (var i = 0; i < parts.Count; i++)
        {
            var description = parts.Count == 1 ? $"the statement: {parts[i].Text}" : $"the statement, part {i + 1}: {parts[i].Text}";
            if (cases is null)
            {
                Next();
                obligations.Add(Claim($"claim-{i + 1}", description, parts[i].Claim, null));
                continue;
            }
            for (var c = 0; c < cases.Disjuncts.Count; c++)
            {
                var caseText = assumptions[cases.Assumption].Quote(cases.Disjuncts[c]);
                Next();
                obligations.Add(Claim($"claim-{i + 1}.{c + 1}", $"{description} (case {caseText})", parts[i].Claim, (cases.Assumption, cases.Disjuncts[c])));
            }
        }
        return obligations;
    }

    /// <param name="caseOf">In a case split: which assumption is replaced by which of its disjuncts.</param>
    private ClaimObligation Claim(string id, string description, Expr claim, (int Assumption, Expr Disjunct)? caseOf)
    {
        // ¬∀x.B is ∃x.¬B: leading 'forall' variables become constants whose values are the witness.
        var binders = new List<Binder>();
        var body = claim;
        while (body is QuantifierExpr { Quantifier: Quantifier.Forall } q && binders.Count < 64)
        {
            binders.AddRange(q.Binders);
            body = q.Body;
        }
        var witnesses = Witnesses(binders);
        var script = NewScript();
        AddAssumptions(script, assumptions.Count, caseOf);
        var encoder = EncoderWith(witnesses, witnesses.Count);
        script.AddGoal($"(not {Charge(encoder.Encode(body))})");
        DeclareUsed(script, witnesses);
        return new ClaimObligation(id, description, script, variables, assumptions, statement, body, witnesses);
    }

    private DefinednessObligation Definedness(string id, int priorCount, Formula source, DefinednessSite site)
    {
        var witnesses = Witnesses(site.Binders);
        var script = NewScript();
        AddAssumptions(script, priorCount);
        foreach (var condition in site.Path)
        {
            var term = Charge(EncoderWith(witnesses, condition.Depth).Encode(condition.Condition));
            script.AddGoal(condition.Holds ? term : $"(not {term})");
        }
        var operand = Charge(EncoderWith(witnesses, witnesses.Count).EncodeAs(site.Operand, Sort.Real));
        var second = site.Second is { } s ? Charge(EncoderWith(witnesses, witnesses.Count).EncodeAs(s, Sort.Real)) : null;
        script.AddGoal(site.Rule.Violation(operand, second));
        DeclareUsed(script, witnesses);
        var description = $"{source.Quote(site.Node)} is defined in {source.Role} at {site.Node.Start}: {site.Rule.Requirement(source.Quote(site.Operand), site.Second is { } t ? source.Quote(t) : null)}";
        return new DefinednessObligation(id, description, script, variables, assumptions.Take(priorCount).ToList(), source, site, witnesses);
    }

    private void AddAssumptions(SmtScript script, int count, (int Assumption, Expr Disjunct)? caseOf = null)
    {
        var encoder = EncoderWith([], 0);
        for (var i = 0; i < count; i++)
        {
            var tree = caseOf is { } c && c.Assumption == i ? c.Disjunct : assumptions[i].Tree;
            // A top-level 'and' becomes one assertion per conjunct, as a hand-written script has it: the same
            // formula to the solver (an SMT-LIB conjunction means its conjuncts), each named for the unsat core
            // with the assumption it came from. Solvers simplify many small assertions better than one big one.
            foreach (var conjunct in Search.Conjuncts.Of(tree))
                script.AddAssumption(i, Charge(encoder.Encode(conjunct)));
            RecordDefinitions(encoder, tree);
        }
    }

    /// <summary>Top-level conjuncts 'v = term' of an assumption, for the transcendental lemmas (TranscendentalTerms.Definitions).</summary>
    private void RecordDefinitions(SmtEncoder encoder, Expr assumption)
    {
        switch (assumption)
        {
            case BinaryExpr { Operator: BinaryOperator.And } and:
                RecordDefinitions(encoder, and.Left);
                RecordDefinitions(encoder, and.Right);
                break;
            case CompareExpr { Operator: CompareOperator.Equal, Left: NameExpr name, Right: var term } when term.Sort != Sort.Bool:
                Define(encoder, name, term);
                break;
            case CompareExpr { Operator: CompareOperator.Equal, Left: var term, Right: NameExpr name } when term.Sort != Sort.Bool:
                Define(encoder, name, term);
                break;
        }
    }

    private void Define(SmtEncoder encoder, NameExpr name, Expr term)
    {
        if (variables.FirstOrDefault(v => v.Name == name.Name) is not { Sort: Sort.Real } variable) return;
        terms.AddDefinition(variable.Symbol, encoder.EncodeAs(term, Sort.Real));
    }

    /// <summary>Counts the obligation about to be built.</summary>
    private void Next()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (++count > FormulaLimits.MaxObligations)
            throw new ObligationLimitException(
                $"too many proof obligations: the theorem splits into more than {FormulaLimits.MaxObligations:N0} (one per division, sqrt, log and fractional power, and per part of the statement and case)");
    }

    /// <summary>Counts SMT-LIB text as it is written.</summary>
    private string Charge(string term)
    {
        cancellationToken.ThrowIfCancellationRequested();
        encoded += term.Length;
        if (encoded > FormulaLimits.MaxEncodedLength)
            throw new ObligationLimitException(
                $"theorem too large: its obligations add up to more than {FormulaLimits.MaxEncodedLength:N0} characters of SMT-LIB (each one restates the assumptions it rests on); split it or shorten its assumptions");
        return term;
    }

    private SmtEncoder EncoderWith(IReadOnlyList<Witness> witnesses, int depth) =>
        new(variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Symbol))
            .Concat(witnesses.Take(depth).Select(w => new KeyValuePair<string, string>(w.Binder.Name, w.Symbol))), terms);

    /// <summary>A script with a fresh collection of transcendental terms for its encoders.</summary>
    private SmtScript NewScript()
    {
        terms = new TranscendentalTerms();
        return new SmtScript();
    }

    /// <summary>
    /// Declares the theorem variables and witnesses that the script mentions, and the transcendental functions
    /// it uses with their lemmas (which mention only terms of the script, hence no new variables).
    /// </summary>
    private void DeclareUsed(SmtScript script, IReadOnlyList<Witness> witnesses)
    {
        // All three at once: lemmas about one function mention the others (exp(log x) = x).
        if (terms.Any)
        {
            foreach (var symbol in TranscendentalSymbols.All) script.DeclareFunction(TranscendentalSymbols.Declaration(symbol));
        }
        foreach (var lemma in TranscendentalLemmas.For(terms)) script.AddLemma(Charge(lemma));
        var text = script.Text;
        var tokens = new HashSet<string>(text.Split([' ', '(', ')', '\n'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        foreach (var v in variables.Where(v => tokens.Contains(v.Symbol)))
            script.Declare(v.Symbol, v.Sort);
        foreach (var w in witnesses.Where(w => tokens.Contains(w.Symbol)))
            script.Declare(w.Symbol, w.Binder.Sort);
    }

    /// <summary>True when <paramref name="key"/> is the binder's own name and no theorem variable has it.</summary>
    private bool IsOnlyThisBinder(string key, Binder binder) => key == binder.Name && variables.All(v => v.Name != key);

    /// <summary>Names for quantifier variables turned into constants, distinct from the theorem's variables.</summary>
    private List<Witness> Witnesses(IReadOnlyList<Binder> binders)
    {
        var witnesses = new List<Witness>();
        foreach (var binder in binders)
        {
            var key = binder.Name;
            // A witness of a binder that shadows nothing keeps its name; a renamed one avoids every name in use.
            for (var n = 1; (namesInUse.Contains(key) && !IsOnlyThisBinder(key, binder)) || witnesses.Any(w => w.Key == key); n++)
                key = $"{binder.Name}_{n}";
            witnesses.Add(new Witness(binder, key, SmtNames.ForVariable(key)));
        }
        return witnesses;
    }
}

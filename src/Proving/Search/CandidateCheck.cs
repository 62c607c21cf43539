using Hms.Proving.Checking;
using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Obligations;
using Hms.Proving.Semantics;

namespace Hms.Proving.Search;

/// <summary>
/// The exact check of a point a search found, with the core's <see cref="Evaluator"/> and the rules of
/// <see cref="ExactlyCheckedObligation"/>: defined variables are recomputed exactly from the others, the
/// assumptions must all hold (in order), then the statement must be false; an undefined expression reached on
/// the way refutes the theorem by itself. Quantifiers the search turned into witnesses are checked at the
/// witness values (sound: see <see cref="Skolemizer"/>). Irrational values make the point
/// <see cref="ModelCheckOutcome.Inexact"/>: only numeric evidence.
/// </summary>
public sealed class CandidateCheck
{
    private readonly SearchProgram program;

    public CandidateCheck(SearchProgram program)
    {
        if (!program.Supported) throw new ArgumentException($"the theorem cannot be searched: {program.Reason}", nameof(program));
        this.program = program;
    }

    /// <summary>A check for <paramref name="theorem"/>'s search program.</summary>
    public CandidateCheck(Compiling.CompiledTheorem theorem) : this(SearchProgram.Compile(theorem))
    {
    }

    /// <param name="candidate">Values by variable or witness name; a Bool is true when non-zero. Defined variables
    /// are recomputed where their equation evaluates exactly; anything missing is 0 (false).</param>
    public ModelCheck Check(IReadOnlyDictionary<string, Rational> candidate)
    {
        var values = program.Variables.Where(v => v.Role != SearchRole.Bound)
            .ToDictionary(v => v.Name, v => ValueOf(v.Sort, candidate.GetValueOrDefault(v.Name)), StringComparer.Ordinal);
        var inexact = Complete(values);
        var assignment = Assignment(values);
        if (inexact is not null) return new ModelCheck(ModelCheckOutcome.Inexact, assignment, inexact);
        var statement = program.Statement!;
        return ExactCheck.Run(assignment, program.Assumptions, "at this point",
            formula => EvaluatorFor(formula, values),
            () => EvaluatorFor(statement, values).Holds(statement.Tree) ? (false, "the statement holds at this point") : (true, Refutation()),
            undefined => $"{undefined} (in {statement.Role})",
            new IntervalJudgement((formula, bits) => IntervalEvaluatorFor(bits, values),
                bits => IntervalEvaluatorFor(bits, values).Truth(statement.Tree), Refutation()));
    }

    private static IntervalEvaluator IntervalEvaluatorFor(int bits, Dictionary<string, Value> values)
    {
        var evaluator = new IntervalEvaluator(bits);
        foreach (var (name, value) in values) evaluator.Bind(name, value);
        return evaluator;
    }

    /// <summary>Recomputes the defined variables in order; returns why one is irrational, if one is.</summary>
    private string? Complete(Dictionary<string, Value> values)
    {
        foreach (var d in program.Definitions)
        {
            try
            {
                values[d.Name] = EvaluatorFor(d.Source, values).Eval(d.Value);
            }
            catch (UndefinedException)
            {
                // Left as given: checking the assumption that defines it reaches the same undefined expression.
            }
            catch (InexactException e)
            {
                return $"{d.Name} = {d.Source.Quote(d.Value)} is irrational here: {e.Message}";
            }
        }
        return null;
    }

    private string Refutation()
    {
        var what = program.Assumptions.Count > 0 ? "the assumptions hold and the statement is false" : "the statement is false";
        what += $": {program.Theorem.Statement?.Text}";
        var named = program.Witnesses.Where(w => w.InStatement).ToList();
        if (named.Count == 0) return what;
        var keys = string.Join(", ", named.Select(w => w.Key));
        var binders = string.Join(", ", named.Select(w => w.Binder.Name));
        return $"{what} ({keys}: the {(named.Count == 1 ? "value" : "values")} of the quantified {binders} where it fails)";
    }

    private static Evaluator EvaluatorFor(Formula formula, Dictionary<string, Value> values)
    {
        var evaluator = new Evaluator(formula.Text);
        foreach (var (name, value) in values) evaluator.Bind(name, value);
        return evaluator;
    }

    private static Value ValueOf(Sort sort, Rational value) => sort switch
    {
        Sort.Bool => Value.Of(!value.IsZero),
        // An Int variable holds an integer whatever the caller rounded to.
        Sort.Int when !value.IsInteger => Value.Of(Rational.FromInteger(value.Floor())),
        _ => Value.Of(value),
    };

    /// <summary>Theorem variables in the theorem's order, then witnesses: the counterexample as reported.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> Assignment(Dictionary<string, Value> values) =>
        program.Theorem.Variables.Select(v => v.Name).Concat(program.Witnesses.Select(w => w.Key))
            .Select(name => KeyValuePair.Create(name, values[name].ToString()))
            .ToList();
}

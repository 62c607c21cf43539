using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Obligations;
using Hms.Proving.Semantics;
using Hms.Proving.Solvers;

namespace Hms.Proving.Checking;

/// <summary>
/// Turns a solver's model into exact values for every variable of the theorem (a variable the model leaves
/// out gets 0 or false) and the assignment text a user can re-check.
/// </summary>
public sealed class ModelBinding
{
    private readonly List<KeyValuePair<string, Value>> values = [];
    private readonly List<KeyValuePair<string, Value>> witnessValues = [];
    private readonly List<KeyValuePair<string, string>> assignment = [];
    private readonly List<string> approximate = [];

    public ModelBinding(IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Witness> witnesses,
        IReadOnlyDictionary<string, ModelValue> model)
    {
        foreach (var v in variables)
            values.Add(new(v.Name, Read(v.Name, v.Symbol, v.Sort, model)));
        foreach (var w in witnesses)
            witnessValues.Add(new(w.Binder.Name, Read(w.Key, w.Symbol, w.Binder.Sort, model)));
    }

    /// <summary>Why exact checking is impossible (an algebraic value), or null.</summary>
    public string? InexactReason { get; private set; }

    public IReadOnlyList<KeyValuePair<string, string>> Assignment => assignment;

    /// <summary>Names whose value in <see cref="Assignment"/> is a decimal approximation of an irrational number.</summary>
    public IReadOnlyList<string> Approximate => approximate;


    /// <summary>An evaluator for <paramref name="formula"/> with the free variables and the first <paramref name="witnessCount"/> witnesses bound.</summary>
    public Evaluator EvaluatorFor(Formula formula, int witnessCount = 0)
    {
        var evaluator = new Evaluator(formula.Text);
        foreach (var (name, value) in values) evaluator.Bind(name, value);
        foreach (var (name, value) in witnessValues.Take(witnessCount)) evaluator.Bind(name, value);
        return evaluator;
    }

    /// <summary>An interval evaluator at <paramref name="bits"/> with the same values bound as <see cref="EvaluatorFor"/>.</summary>
    public IntervalEvaluator IntervalEvaluatorFor(Formula formula, int witnessCount, int bits)
    {
        var evaluator = new IntervalEvaluator(bits);
        foreach (var (name, value) in values) evaluator.Bind(name, value);
        foreach (var (name, value) in witnessValues.Take(witnessCount)) evaluator.Bind(name, value);
        return evaluator;
    }

    private Value Read(string key, string symbol, Sort sort, IReadOnlyDictionary<string, ModelValue> model)
    {
        switch (model.GetValueOrDefault(symbol))
        {
            case BoolModelValue b:
                assignment.Add(new(key, b.Value ? "true" : "false"));
                return Value.Of(b.Value);
            case RationalModelValue r:
                assignment.Add(new(key, r.Value.ToString()));
                return Value.Of(r.Value);
            case AlgebraicModelValue a:
                // The value is a decimal approximation, flagged as such, never text a consumer cannot parse.
                assignment.Add(new(key, a.Decimal));
                approximate.Add(key);
                InexactReason ??= $"{key} is the irrational number {a.Exact}";
                return Value.Of(Rational.Zero);
            default:
                // Not in the model: the query does not constrain it, so any value refutes as well.
                assignment.Add(new(key, sort == Sort.Bool ? "false" : "0"));
                return sort == Sort.Bool ? Value.Of(false) : Value.Of(Rational.Zero);
        }
    }
}

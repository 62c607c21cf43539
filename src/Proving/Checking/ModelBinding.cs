using System.Collections.Concurrent;
using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Numbers.Algebraic;
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
    private readonly List<KeyValuePair<string, RealAlgebraic>> algebraicValues = [];
    private readonly List<KeyValuePair<string, RealAlgebraic>> algebraicWitnesses = [];
    private readonly List<string> algebraicNotes = [];

    /// <summary>
    /// Root-obj texts already isolated: the simplifier re-checks the same model up to a few hundred times,
    /// and an isolating interval, once refined, serves them all. Bounded; cleared when full.
    /// </summary>
    private static readonly ConcurrentDictionary<string, (RealAlgebraic? Value, string? Error)> Isolated = new(StringComparer.Ordinal);
    private const int MaxIsolated = 512;

    public ModelBinding(IReadOnlyList<TheoremVariable> variables, IReadOnlyList<Witness> witnesses,
        IReadOnlyDictionary<string, ModelValue> model)
    {
        foreach (var v in variables)
            values.Add(new(v.Name, Read(v.Name, v.Symbol, v.Sort, model, v.Name, algebraicValues)));
        foreach (var w in witnesses)
            witnessValues.Add(new(w.Binder.Name, Read(w.Key, w.Symbol, w.Binder.Sort, model, w.Binder.Name, algebraicWitnesses)));
    }

    /// <summary>Why exact checking is impossible (an algebraic value that could not be read), or null.</summary>
    public string? InexactReason { get; private set; }

    /// <summary>
    /// True when some value is an irrational real algebraic number held exactly: rational evaluation cannot
    /// run, <see cref="IntervalEvaluatorFor"/> decides with the numbers themselves.
    /// </summary>
    public bool HasAlgebraic => algebraicValues.Count + algebraicWitnesses.Count > 0;

    /// <summary>Which values are algebraic, in words, e.g. "x is the irrational number (root-obj ...)".</summary>
    public string AlgebraicReason => string.Join("; ", algebraicNotes);

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
        foreach (var (name, value) in algebraicValues) evaluator.Bind(name, value);
        foreach (var (name, value) in witnessValues.Take(witnessCount))
        {
            if (algebraicWitnesses.FirstOrDefault(a => a.Key == name).Value is { } algebraic) evaluator.Bind(name, algebraic);
            else evaluator.Bind(name, value);
        }
        return evaluator;
    }

    private Value Read(string key, string symbol, Sort sort, IReadOnlyDictionary<string, ModelValue> model,
        string boundName, List<KeyValuePair<string, RealAlgebraic>> algebraic)
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
            {
                var (number, error) = Isolate(a.Exact);
                if (number?.Rational is { } rational)
                {
                    // A root-obj that is rational after all: an exact value like any other.
                    assignment.Add(new(key, rational.ToString()));
                    return Value.Of(rational);
                }
                // The value is a decimal approximation, flagged as such, never text a consumer cannot parse.
                assignment.Add(new(key, a.Decimal));
                approximate.Add(key);
                if (number is null)
                {
                    InexactReason ??= $"{key} is the irrational number {a.Exact} ({error})";
                    return Value.Of(Rational.Zero);
                }
                // Equal numbers become one object, so the exact zero test sees x − y as x − x.
                var same = algebraicValues.Concat(algebraicWitnesses).Select(kv => kv.Value).FirstOrDefault(number.SameAs);
                algebraic.Add(new(boundName, same ?? number));
                algebraicNotes.Add($"{key} is the irrational number {a.Exact}");
                return Value.Of(Rational.Zero); // never read: interval evaluation binds the number itself last
            }
            default:
                // Not in the model: the query does not constrain it, so any value refutes as well.
                assignment.Add(new(key, sort == Sort.Bool ? "false" : "0"));
                return sort == Sort.Bool ? Value.Of(false) : Value.Of(Rational.Zero);
        }
    }

    private static (RealAlgebraic? Value, string? Error) Isolate(string exact)
    {
        if (Isolated.TryGetValue(exact, out var known)) return known;
        var read = Solvers.RootObjReader.TryRead(exact);
        if (Isolated.Count >= MaxIsolated) Isolated.Clear();
        Isolated[exact] = read;
        return read;
    }
}

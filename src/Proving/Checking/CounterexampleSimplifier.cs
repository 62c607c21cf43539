using System.Numerics;
using Hms.Proving.Numbers;
using Hms.Proving.Obligations;
using Hms.Proving.Solvers;

namespace Hms.Proving.Checking;

/// <summary>
/// Makes a confirmed counterexample readable: a solver's nonlinear model often has 40-digit rationals (or
/// algebraic numbers) where 0, 1 or 1/2 refute the theorem just as well. Each value in turn, in name order, is
/// replaced by the simplest candidate (0, then small integers and halves, then simple rationals near it) with which the obligation's own exact check still confirms the refutation. Every accepted
/// step is a full re-check, so the result is as trustworthy as the model it came from; and the result depends
/// only on that model, not on time, so the same model always simplifies to the same counterexample.
/// </summary>
public static class CounterexampleSimplifier
{
    /// <summary>Re-checks one simplification may spend, so a theorem with many variables stays cheap.</summary>
    public const int MaxChecks = 160;

    /// <summary>Candidates tried per value (or group of equal values) at most.</summary>
    private const int MaxCandidates = 12;

    public static (IReadOnlyDictionary<string, ModelValue> Model, ModelCheck Check) Simplify(
        Obligation obligation, IReadOnlyDictionary<string, ModelValue> model, ModelCheck check)
    {
        if (check.Outcome != ModelCheckOutcome.Confirmed) return (model, check);
        var current = new Dictionary<string, ModelValue>(model, StringComparer.Ordinal);
        var budget = MaxChecks;
        // Values a solver made equal (r = rf at a boundary) usually must stay equal: move them together first,
        // then one by one.
        var names = model.Keys.Order(StringComparer.Ordinal).Where(n => Current(model[n]) is not null).ToList();
        var groups = names.GroupBy(n => Current(model[n])!.Value).Where(g => g.Count() > 1).Select(g => g.ToList())
            .Concat(names.Select(n => new List<string> { n }));
        foreach (var group in groups)
        {
            if (Current(current[group[0]]) is not { } value || group.Any(n => Current(current[n]) != value)) continue;
            foreach (var candidate in Candidates(value).Take(MaxCandidates))
            {
                if (budget-- <= 0) return (current, check);
                var trial = new Dictionary<string, ModelValue>(current, StringComparer.Ordinal);
                foreach (var name in group) trial[name] = new RationalModelValue(candidate);
                var outcome = obligation.CheckModel(trial);
                // An exact certificate is never traded for an interval one.
                if (outcome.Outcome != ModelCheckOutcome.Confirmed || (outcome.ByIntervals && !check.ByIntervals)) continue;
                current = trial;
                check = outcome;
                break;
            }
        }
        return (current, check);
    }

    private readonly record struct Value(Rational Rational, bool Algebraic);

    private static Value? Current(ModelValue value) => value switch
    {
        RationalModelValue r => new Value(r.Value, false),
        // An algebraic number (root-obj) is as complex as a value gets: any rational that still refutes is simpler.
        AlgebraicModelValue a when double.TryParse(a.Decimal.TrimEnd('?'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => new Value(Rational.FromDouble(d), true),
        _ => null,
    };

    /// <summary>
    /// Strictly simpler values, simplest first: small integers and halves, the integers around the value, the
    /// simplest rationals in shrinking windows around it, and its convergents. An integer stays an integer (an
    /// Int variable must, and a whole number is already easy to read).
    /// </summary>
    private static IEnumerable<Rational> Candidates(Value value)
    {
        var v = value.Rational;
        var floor = v.Floor();
        var pool = new List<Rational> { 0, 1, -1, 2, -2, 3, -3, floor, floor + 1 };
        if (!v.IsInteger || value.Algebraic)
        {
            pool.AddRange([new Rational(1, 2), new Rational(-1, 2), new Rational(1, 3), new Rational(-1, 3)]);
            foreach (var k in new[] { 1, 3, 7, 13, 20 })
            {
                var width = v.Abs() / BigInteger.Pow(2, k);
                if (!width.IsZero) pool.Add(Search.RationalSnapper.Simplest(v - width, v + width));
            }
            pool.AddRange(Search.RationalSnapper.Convergents(v).Take(64).Select(c => new Rational(c.H, c.K)));
        }
        var size = Size(v, value.Algebraic);
        var whole = v.IsInteger && !value.Algebraic;
        return pool.Distinct().Where(c => Size(c) < size && (!whole || c.IsInteger))
            .OrderBy(c => Size(c)).ThenBy(c => c.Abs()).ThenByDescending(c => c.Sign);
    }

    /// <summary>How much there is to read: the bits of numerator and denominator.</summary>
    private static long Size(Rational r, bool algebraic = false) =>
        algebraic ? long.MaxValue : BigInteger.Abs(r.Numerator).GetBitLength() + r.Denominator.GetBitLength();
}

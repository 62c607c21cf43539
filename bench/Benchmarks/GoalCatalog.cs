using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hms.Benchmarks;

/// <summary>
/// Generates distinct linear-arithmetic goals shaped like compiled theorem obligations (budget sets, linear
/// demand, tax incidence, integer units). The constants vary with the index so no two scripts are equal, which
/// keeps any cache, the solvers' or ours, out of the measurement.
/// </summary>
internal static class GoalCatalog
{
    private const int Families = 5;

    /// <param name="offset">Index of the first goal; which goal a process sees first matters to z3 (docs/benchmarks.md).</param>
    public static IReadOnlyList<BenchGoal> Generate(int count, int offset = 0) =>
        Enumerable.Range(offset, count).Select(Goal).ToList();

    private static BenchGoal Goal(int index)
    {
        // Every family is used from the first goals on, so a short warm-up or a small batch still mixes them.
        var k = index / Families;
        return (index % Families) switch
        {
            0 => BudgetShare(index, k),
            1 => DemandBelowHalf(index, k),
            2 => TaxIncidence(index, k),
            3 => IntegerUnits(index, k),
            _ => BudgetCornerFalse(index, k),
        };
    }

    // px x + py y <= m with positive prices: x can never exceed m / px. Unsat.
    private static BenchGoal BudgetShare(int index, int k)
    {
        var px = R(2 + k % 7, 1 + k % 3);
        var py = R(3 + k % 5, 2);
        var script = new GoalScript();
        script.Declare("m", "Real").Declare("x", "Real").Declare("y", "Real");
        script.Assume($"(> m {R(10 + k, 1)})");
        script.Assume("(and (>= x 0.0) (>= y 0.0))");
        script.Assume($"(<= (+ (* {px} x) (* {py} y)) m)");
        script.Claim($"(<= x (/ m {px}))");
        return new(index, "budget share", script.Text, ["m", "x", "y"], ExpectSat: false);
    }

    // Linear demand q = a - b p on 0 < p < a/b: the claim "q stays above half the intercept" is false. Sat.
    private static BenchGoal DemandBelowHalf(int index, int k)
    {
        var a = 20 + k;
        var b = 1 + k % 4;
        var script = new GoalScript();
        script.Declare("p", "Real").Declare("q", "Real");
        script.Assume($"(and (> p 0.0) (< p {R(a, b)}))");
        script.Assume($"(= q (- {R(a, 1)} (* {R(b, 1)} p)))");
        script.Claim($"(> q {R(a, 2)})");
        return new(index, "linear demand", script.Text, ["p", "q"], ExpectSat: true);
    }

    // A per-unit tax t on linear supply and demand: the sellers' price falls below the untaxed equilibrium
    // price and the wedge is exactly t. Unsat.
    private static BenchGoal TaxIncidence(int index, int k)
    {
        int a = 50 + k, b = 1 + k % 3, c = 5 + k % 11, d = 1 + k % 5;
        var p0 = R(a - c, b + d);
        var script = new GoalScript();
        script.Declare("pd", "Real").Declare("ps", "Real").Declare("q", "Real").Declare("t", "Real");
        script.Assume($"(and (> t 0.0) (< t {R(1 + k % 9, 1)}))");
        script.Assume($"(= q (- {R(a, 1)} (* {R(b, 1)} pd)))");
        script.Assume($"(= q (+ {R(c, 1)} (* {R(d, 1)} ps)))");
        script.Assume("(= pd (+ ps t))");
        script.Claim($"(and (= (- pd ps) t) (< ps {p0}) (> pd {p0}))");
        return new(index, "tax incidence", script.Text, ["pd", "ps", "q", "t"], ExpectSat: false);
    }

    // Whole units bought within a budget: n <= budget / price rounded down. Unsat, mixed Int/Real.
    private static BenchGoal IntegerUnits(int index, int k)
    {
        var price = 3 + k % 6;
        var budget = 40 + 7 * k;
        var script = new GoalScript();
        script.Declare("budget", "Real").Declare("n", "Int");
        script.Assume($"(= budget {R(budget, 1)})");
        script.Assume("(>= n 0)");
        script.Assume($"(<= (* {R(price, 1)} (to_real n)) budget)");
        script.Claim($"(<= n {budget / price})");
        return new(index, "integer units", script.Text, ["budget", "n"], ExpectSat: false);
    }

    // The false claim that a budget-feasible bundle never spends more than half of m on y. Sat.
    private static BenchGoal BudgetCornerFalse(int index, int k)
    {
        var px = R(1 + k % 5, 1);
        var py = R(2 + k % 3, 1 + k % 2);
        var script = new GoalScript();
        script.Declare("m", "Real").Declare("x", "Real").Declare("y", "Real");
        script.Assume($"(and (> m {R(5 + k, 1)}) (< m {R(100 + k, 1)}))");
        script.Assume("(and (>= x 0.0) (>= y 0.0))");
        script.Assume($"(<= (+ (* {px} x) (* {py} y)) m)");
        script.Claim($"(<= (* {py} y) (/ m 2.0))");
        return new(index, "budget corner", script.Text, ["m", "x", "y"], ExpectSat: true);
    }

    /// <summary>An exact rational as SMT-LIB Real text, e.g. "(/ 7.0 2.0)" or "3.0".</summary>
    private static string R(int numerator, int denominator)
    {
        var n = numerator.ToString(CultureInfo.InvariantCulture) + ".0";
        return denominator == 1 ? n : $"(/ {n} {denominator.ToString(CultureInfo.InvariantCulture)}.0)";
    }

    /// <summary>Builds a script the way the compiler's SmtScript does: declarations, named assumptions, negated claim.</summary>
    private sealed class GoalScript
    {
        private readonly StringBuilder _declarations = new();
        private readonly StringBuilder _assertions = new();

        public GoalScript Declare(string name, string sort)
        {
            _declarations.Append(CultureInfo.InvariantCulture, $"(declare-const {name} {sort})\n");
            return this;
        }

        // Content-derived names, as the compiler gives them, so unsat cores name real assumptions.
        public void Assume(string term) =>
            _assertions.Append(CultureInfo.InvariantCulture, $"(assert (! {term} :named A{Hash(term)}))\n");

        public void Claim(string term) => _assertions.Append(CultureInfo.InvariantCulture, $"(assert (not {term}))\n");

        public string Text => _declarations.ToString() + _assertions;

        private static string Hash(string text) =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }
}

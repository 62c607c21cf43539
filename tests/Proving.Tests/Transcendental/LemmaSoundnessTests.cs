using Hms.Proving.Checking.Intervals;
using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Smt;
using Hms.Proving.Smt.Transcendental;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Transcendental;

/// <summary>
/// Every lemma family, instantiated over terms that exercise it, evaluated with the true functions at random
/// rational points (and at the special points its guards name: 0, 1, −1, exponents 0 and 1) by interval
/// arithmetic: no lemma may ever be certainly false. A lemma that is false somewhere would let a solver prove
/// a false theorem.
/// </summary>
public sealed class LemmaSoundnessTests
{
    private static readonly Rational[] Special =
        [-2, -1, new(-1, 2), 0, new(1, 3), new(1, 2), 1, new(3, 2), 2, 3, new(7, 3)];

    public static TheoryData<string> Families() => new()
    {
        "(t*k)^a * (t*l)^(1-a) > 0",          // split products, same base, shift, monotone
        "(x/y)^a + (x^a)^b > 0",                // quotient, power of a power
        "x^a * x^b * x^(a+1) * x^(a-1) > 0",    // same base: product, shift by one, exponent monotone
        "x^a + y^a + x^(-a) > 0",               // same exponent: base monotone
        "sqrt(x) + x^(1/3) + x^(-2/3) + x^(3/2) + sqrt(x)*sqrt(x) > 0", // roots
        "exp(a+b) + exp(a-b) + exp(-a) + exp(log(x)) > 0", // exp laws
        "log(x*y) + log(x/y) + log(x^a) + log(exp(a)) + log(sqrt(x)) > 0", // log laws
        "exp(a) + exp(b) + log(x) + log(y) > 0", // monotone exp and log, exp(a)exp(b)
        "x^e * exp(e) + (exp(a))^b > 0",        // x^e = exp(e log x), exp(a)^b
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void No_lemma_is_false_at_any_point(string formula)
    {
        var (lemmas, names) = LemmasOf(formula);
        Assert.NotEmpty(lemmas);
        var random = new Random(formula.Length * 7919);
        var decided = 0;
        for (var round = 0; round < 16; round++)
        {
            var point = names.ToDictionary(n => n, _ => Pick(random), StringComparer.Ordinal);
            var evaluator = new SmtIntervalEvaluator(point, bits: 64);
            foreach (var lemma in lemmas)
            {
                var truth = evaluator.Truth(lemma);
                Assert.True(truth != Truth.False,
                    $"lemma {lemma} is false at {string.Join(", ", point.Select(kv => $"{kv.Key} = {kv.Value}"))}");
                if (truth == Truth.True) decided++;
            }
        }
        // Not vacuous: most lemmas are inequalities or guarded, and those are decided at most points.
        Assert.True(decided > lemmas.Count, $"only {decided} lemma evaluations were decided");
    }

    private static Rational Pick(Random random) => random.Next(3) == 0
        ? new Rational(random.Next(-30, 31), random.Next(1, 8))
        : Special[random.Next(Special.Length)];

    internal static (IReadOnlyList<SExpr> Lemmas, IReadOnlyList<string> Names) LemmasOf(string formula)
    {
        var tree = Parser.Parse(formula);
        var checker = new TypeChecker(new Dictionary<string, Sort>());
        checker.CheckFormula(tree);
        var names = checker.Undeclared.Select(u => u.Key).ToList();
        var encoder = new SmtEncoder(names.Select(n => KeyValuePair.Create(n, SmtNames.ForVariable(n))));
        encoder.Encode(tree);
        var lemmas = TranscendentalLemmas.For(encoder.Terms).Select(l => SExprReader.ParseAll(l)[0]).ToList();
        return (lemmas, names);
    }
}

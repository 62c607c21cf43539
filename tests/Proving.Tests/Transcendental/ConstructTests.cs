using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Numbers;
using Hms.Proving.Obligations;
using Hms.Proving.Semantics;
using Hms.Proving.Smt.Transcendental;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Transcendental;

/// <summary>Symbolic powers, roots, exp and log: typing, definedness, exact evaluation and encoding.</summary>
public sealed class ConstructTests
{
    private static IReadOnlyList<Obligation> Obligations(string statement, params string[] assumptions) =>
        TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = statement, Assumptions = assumptions }).Obligations;

    private static Value Eval(string formula, params (string Name, string Value)[] values)
    {
        var tree = Parser.Parse(formula);
        new TypeChecker(new Dictionary<string, Sort>()).CheckFormula(tree);
        var evaluator = new Evaluator(formula);
        foreach (var (name, value) in values) evaluator.Bind(name, Value.Of(Rational.Parse(value)));
        return evaluator.Eval(tree);
    }

    [Fact]
    public void A_symbolic_exponent_type_checks_as_real()
    {
        var tree = (Hms.Proving.Syntax.Tree.CompareExpr)Parser.Parse("k^a * l^(1-a) > 0");
        new TypeChecker(new Dictionary<string, Sort> { ["k"] = Sort.Int }).CheckFormula(tree);
        Assert.Equal(Sort.Real, tree.Left.Sort);
    }

    [Fact]
    public void A_symbolic_power_needs_a_positive_base_or_a_zero_base_and_positive_exponent()
    {
        var wd = Assert.Single(Obligations("k^a >= 0"), o => o.Kind == ObligationKind.WellDefinedness);
        Assert.Equal("k^a is defined in statement at 1:1: k > 0, or k = 0 and a > 0", wd.Description);
        Assert.Contains("(assert (not (or (> k 0.0) (and (= k 0.0) (> a 0.0)))))", wd.Script);
    }

    [Theory]
    [InlineData("k^a = 8", "k", "2", "a", "3")]
    [InlineData("k^a = 3", "k", "9", "a", "1/2")]
    [InlineData("k^a = 0", "k", "0", "a", "1/2")]
    [InlineData("k^a = 1", "k", "5", "a", "0")]
    [InlineData("k^a = 1/4", "k", "2", "a", "-2")]
    public void Symbolic_powers_evaluate_exactly_where_the_value_is_rational(string formula, string k, string kv, string a, string av) =>
        Assert.True(Eval(formula, (k, kv), (a, av)).Bool);

    [Fact]
    public void A_symbolic_power_outside_its_domain_is_undefined_and_an_irrational_one_inexact()
    {
        var negative = Assert.Throws<UndefinedException>(() => Eval("k^a > 0", ("k", "-1"), ("a", "2")));
        Assert.Contains("needs a positive base", negative.Message);
        Assert.Throws<UndefinedException>(() => Eval("k^a > 0", ("k", "0"), ("a", "0")));
        Assert.Throws<InexactException>(() => Eval("k^a > 0", ("k", "2"), ("a", "1/2")));
    }

    [Fact]
    public void Real_powers_sqrt_exp_and_log_are_uninterpreted_functions_with_lemmas()
    {
        var claim = Obligations("sqrt(x)^2 = x and exp(log(x)) = x and x^a > 0", "x > 0").First(o => o.Kind == ObligationKind.Claim);
        Assert.Contains($"(declare-fun {TranscendentalSymbols.Pow} (Real Real) Real)", claim.Script);
        Assert.Contains($"(declare-fun {TranscendentalSymbols.Log} (Real) Real)", claim.Script);
        Assert.Contains("(hms!pow x (/ 1.0 2.0))", claim.Script);
        // The root lemma: y = x^(1/2) is the y ≥ 0 with y² = x.
        Assert.Contains("(assert (=> (>= x 0.0) (and (>= (hms!pow x (/ 1.0 2.0)) 0.0) (= (* (hms!pow x (/ 1.0 2.0)) (hms!pow x (/ 1.0 2.0))) x))))", claim.Script);
        Assert.DoesNotContain("(^ ", claim.Script);
        Assert.DoesNotContain("(exp ", claim.Script);
        Assert.DoesNotContain("(log ", claim.Script);
    }

    [Fact]
    public void Terms_with_quantified_variables_get_no_lemmas()
    {
        var claim = Obligations("exists y: exp(y) = x", "x > 0").Single(o => o.Kind == ObligationKind.Claim);
        Assert.Contains("(hms!exp y)", claim.Script);
        Assert.DoesNotContain("(> (hms!exp y) 0.0)", claim.Script);
    }

    [Fact]
    public void The_script_is_the_same_for_the_same_theorem()
    {
        var a = Obligations("(t*k)^a * (t*l)^(1-a) = t * k^a * l^(1-a)", "t > 0 and k > 0 and l > 0");
        var b = Obligations("(t*k)^a * (t*l)^(1-a) = t * k^a * l^(1-a)", "t > 0 and k > 0 and l > 0");
        Assert.Equal(a.Select(o => o.ContentHash), b.Select(o => o.ContentHash));
    }

    [Fact]
    public void Lemmas_are_not_assumptions_of_the_user()
    {
        var claim = Obligations("log(x) <= x - 1", "x > 0").Single(o => o.Kind == ObligationKind.Claim);
        Assert.Single(claim.NamedAssumptions);
        Assert.True(claim.Script.Split('\n').Count(l => l.StartsWith("(assert (=>", StringComparison.Ordinal)) > 3);
    }
}

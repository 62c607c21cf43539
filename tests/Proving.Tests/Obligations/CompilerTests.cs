using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;

namespace Hms.Proving.Tests.Obligations;

public sealed class CompilerTests
{
    private static TheoremDocument Doc(string statement, params string[] assumptions) => new()
    {
        Id = "t",
        Statement = statement,
        Assumptions = assumptions,
        SourceFile = "/somewhere/consumer.yaml",
    };

    private static IReadOnlyList<Obligation> Obligations(string statement, params string[] assumptions) =>
        TheoremCompiler.Compile(Doc(statement, assumptions)).Obligations;

    [Fact]
    public void Conjuncts_and_iff_sides_become_separate_claims()
    {
        var claims = Obligations("a > 0 and (b > 0 <-> c > 0)").Where(o => o.Kind == ObligationKind.Claim).ToList();
        Assert.Equal(3, claims.Count);
        Assert.Equal("the statement, part 1: a > 0", claims[0].Description);
        Assert.Equal("the statement, part 2: b > 0 -> c > 0", claims[1].Description);
        Assert.Equal("the statement, part 3: c > 0 -> b > 0", claims[2].Description);
    }

    [Fact]
    public void Conjuncts_under_an_implication_keep_the_guard()
    {
        var claims = Obligations("p > 0 -> a > 0 and b > 0").Where(o => o.Kind == ObligationKind.Claim).ToList();
        Assert.Equal(["the statement, part 1: p > 0 -> a > 0", "the statement, part 2: p > 0 -> b > 0"],
            claims.Select(c => c.Description));
    }

    [Fact]
    public void Each_division_is_a_definedness_obligation_with_its_guards()
    {
        var obligations = Obligations("px != 0 -> m / px > 0 and m / (p1 + p2) < 1", "m > 0");
        var wd = obligations.Where(o => o.Kind == ObligationKind.WellDefinedness).ToList();
        Assert.Equal(2, wd.Count);
        Assert.Equal("m / px is defined in statement at 1:12: px ≠ 0", wd[0].Description);
        Assert.Contains("(assert (not (= px 0.0)))", wd[0].Script);
        Assert.Contains("(assert (= px 0.0))", wd[0].Script);
        Assert.Contains("(assert (= (+ p1 p2) 0.0))", wd[1].Script);
    }

    [Fact]
    public void Assumption_divisions_rely_only_on_earlier_assumptions()
    {
        var obligations = Obligations("x > 0", "p > 0", "x = m / p", "m > 0");
        var wd = Assert.Single(obligations, o => o.Kind == ObligationKind.WellDefinedness);
        Assert.Single(wd.NamedAssumptions);
        Assert.Contains("(> p 0.0)", wd.Script);
        Assert.DoesNotContain("(> m 0.0)", wd.Script);
    }

    [Fact]
    public void Consistency_is_checked_when_there_are_assumptions()
    {
        Assert.Contains(Obligations("x > 0", "x > 1"), o => o.Kind == ObligationKind.Consistency);
        Assert.DoesNotContain(Obligations("x * x >= 0"), o => o.Kind == ObligationKind.Consistency);
    }

    [Fact]
    public void The_same_obligation_hashes_the_same_in_another_theorem()
    {
        var a = Obligations("x * y > 0", "x > 0", "y > 0").Single(o => o.Kind == ObligationKind.Claim);
        var b = Obligations("x * y > 0", "y > 0", "x > 0").Single(o => o.Kind == ObligationKind.Claim);
        var c = Obligations("x * y > 1", "y > 0", "x > 0").Single(o => o.Kind == ObligationKind.Claim);
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        Assert.Equal(64, a.ContentHash.Length);
    }

    [Fact]
    public void Leading_forall_variables_become_witnesses()
    {
        var claim = Obligations("forall q: q >= 0 -> q * p <= 1", "p > 0").Single(o => o.Kind == ObligationKind.Claim);
        Assert.Contains("(declare-const q Real)", claim.Script);
        Assert.DoesNotContain("forall", claim.Script);
    }

    [Fact]
    public void A_witness_never_takes_a_theorem_variable_name()
    {
        var claim = Obligations("q > 0 -> forall q: q * q >= 0").Single(o => o.Kind == ObligationKind.Claim);
        Assert.Contains("(declare-const q Real)", claim.Script);
        Assert.Contains("(forall ((q Real))", claim.Script);
    }

    [Fact]
    public void Ints_are_promoted_where_reals_are_needed()
    {
        var doc = Doc("n / 2 >= 0", "n >= 0") with { Variables = [new("n", Sort.Int)] };
        var claim = TheoremCompiler.Compile(doc).Obligations.Single(o => o.Kind == ObligationKind.Claim);
        Assert.Contains("(declare-const n Int)", claim.Script);
        Assert.Contains("(/ (to_real n) 2.0)", claim.Script);
    }

    [Fact]
    public void Names_that_clash_with_smt_builtins_are_escaped()
    {
        var claim = Obligations("exp + div > 0").Single(o => o.Kind == ObligationKind.Claim);
        Assert.Contains("(declare-const u!exp Real)", claim.Script);
        Assert.Contains("(declare-const u!div Real)", claim.Script);
    }

    [Theory]
    [InlineData("a * m / (p * )", "consumer.yaml: theorem 't': statement 1:14: expected an expression after '*', found ')'")]
    [InlineData("", "consumer.yaml: theorem 't': statement: empty statement: expected a formula")]
    public void Input_errors_name_file_theorem_formula_and_position(string statement, string expected)
    {
        var error = Assert.Throws<TheoremInputException>(() => TheoremCompiler.Compile(Doc(statement)));
        Assert.Equal([expected], error.Messages);
    }

    [Fact]
    public void All_formula_errors_are_reported_together()
    {
        var error = Assert.Throws<TheoremInputException>(() => TheoremCompiler.Compile(Doc("x >", "(a", "b > 0", "flag + 1 > 0")
            with { Variables = [new("flag", Sort.Bool)] }));
        Assert.Equal(3, error.Messages.Count);
        Assert.StartsWith("consumer.yaml: theorem 't': assumption 1 1:3:", error.Messages[0]);
        Assert.Equal("consumer.yaml: theorem 't': assumption 3 1:1: 'flag' is Bool, but '+' needs a number", error.Messages[1]);
        Assert.StartsWith("consumer.yaml: theorem 't': statement 1:4:", error.Messages[2]);
    }

    [Fact]
    public void Lean_theorems_get_a_clear_error()
    {
        var error = Assert.Throws<TheoremInputException>(() => TheoremCompiler.Compile(Doc("") with { Format = TheoremFormat.Lean4, LeanCode = "theorem x : True := trivial" }));
        Assert.Contains("Lean 4 backend not available", error.Message);
    }

    [Theory]
    [InlineData("x + y > 0", Complexity.Simple)]
    [InlineData("x * y > 0", Complexity.Moderate)]
    [InlineData("x^3 > 0", Complexity.Complex)]
    [InlineData("forall q: q > x", Complexity.Complex)]
    [InlineData("forall q: exists r: r > q", Complexity.VeryComplex)]
    [InlineData("sqrt(x) >= 0", Complexity.VeryComplex)]
    public void Complexity_grows_with_degree_and_quantifiers(string statement, Complexity expected) =>
        Assert.Equal(expected, TheoremCompiler.Compile(Doc(statement)).Complexity);
}

public sealed class CaseSplitTests
{
    [Fact]
    public void A_disjunctive_assumption_splits_each_claim_into_cases()
    {
        var doc = new Hms.Proving.Documents.TheoremDocument { Id = "t", Statement = "p * p > 0 and p != 0", Assumptions = ["p < 0 or p > 1", "q = 1"] };
        var claims = TheoremCompiler.Compile(doc).Obligations.Where(o => o.Kind == ObligationKind.Claim).ToList();
        Assert.Equal(["claim-1.1", "claim-1.2", "claim-2.1", "claim-2.2"], claims.Select(c => c.Id));
        Assert.EndsWith("(case p < 0)", claims[0].Description);
        Assert.Contains("(< p 0.0)", claims[0].Script);
        Assert.DoesNotContain("(or", claims[0].Script);
    }
}

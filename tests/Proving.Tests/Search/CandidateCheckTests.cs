using Hms.Proving.Checking;
using Hms.Proving.Numbers;
using Hms.Proving.Search;

namespace Hms.Proving.Tests.Search;

public sealed class CandidateCheckTests
{
    private static ModelCheck Check(string statement, string[] assumptions, params (string Name, string Value)[] values)
    {
        var check = new CandidateCheck(Theorems.Compile(statement, assumptions));
        return check.Check(values.ToDictionary(v => v.Name, v => Rational.Parse(v.Value)));
    }

    private static string Value(ModelCheck check, string name) => check.Assignment.Single(a => a.Key == name).Value;

    [Fact]
    public void A_point_where_the_assumptions_hold_and_the_statement_fails_is_confirmed()
    {
        var check = Check("x * x > x", ["x > 0"], ("x", "1/2"));
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        Assert.Equal("the assumptions hold and the statement is false: x * x > x", check.Explanation);
        Assert.Equal([new("x", "1/2")], check.Assignment);
    }

    [Fact]
    public void A_point_that_breaks_an_assumption_or_satisfies_the_statement_is_rejected()
    {
        var broken = Check("x * x > x", ["x > 0"], ("x", "-1"));
        Assert.Equal(ModelCheckOutcome.Rejected, broken.Outcome);
        Assert.Equal("assumption 1 (x > 0) is false at this point", broken.Explanation);
        var holds = Check("x * x > x", ["x > 0"], ("x", "2"));
        Assert.Equal(ModelCheckOutcome.Rejected, holds.Outcome);
    }

    [Fact]
    public void Defined_variables_are_recomputed_exactly()
    {
        // Floating point would make the elasticity 0.9999999999999999 or 1.0000000000000002; exactly it is 1.
        var check = Check("abs(dx_dp * p / x) > 1", ["0 < alpha < 1", "p > 0 and m > 0", "x = alpha * m / p", "dx_dp = -alpha * m / p^2"],
            ("alpha", "1/3"), ("p", "7"), ("m", "10"), ("x", "0.47619"), ("dx_dp", "-1"));
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        Assert.Equal("10/21", Value(check, "x"));
        Assert.Equal("-10/147", Value(check, "dx_dp"));
    }

    [Fact]
    public void A_zero_divisor_in_the_statement_is_a_counterexample()
    {
        var check = Check("d1 / (r - g) > 0", ["d1 > 0", "r > 0", "g >= 0"], ("d1", "1"), ("r", "3/10"), ("g", "3/10"));
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        Assert.Equal("(r - g) = 0 makes d1 / (r - g) undefined (in statement)", check.Explanation);
    }

    [Fact]
    public void A_zero_divisor_in_an_assumption_counts_only_after_the_earlier_ones_hold()
    {
        var undefined = Check("x > 0", ["m > 0", "x = m / p"], ("m", "1"), ("p", "0"));
        Assert.Equal(ModelCheckOutcome.Confirmed, undefined.Outcome);
        Assert.Equal("p = 0 makes m / p undefined (in assumption 2)", undefined.Explanation);
        var earlier = Check("x > 0", ["m > 0", "x = m / p"], ("m", "-1"), ("p", "0"));
        Assert.Equal(ModelCheckOutcome.Rejected, earlier.Outcome);
    }

    [Fact]
    public void Irrational_values_are_certified_by_intervals_or_left_as_numeric_evidence()
    {
        // sqrt(2) < 1 is false at a margin intervals separate: a certified refutation, flagged as such.
        var certified = Check("sqrt(x) < 1", ["x >= 0"], ("x", "2"));
        Assert.Equal(ModelCheckOutcome.Confirmed, certified.Outcome);
        Assert.True(certified.ByIntervals);
        // sqrt(2)*sqrt(2) != 2 is false exactly at the boundary: no interval separates it, so only evidence.
        Assert.Equal(ModelCheckOutcome.Inexact, Check("sqrt(x) * sqrt(x) != 2", ["x >= 0"], ("x", "2")).Outcome);
        // A perfect square is exact.
        var exact = Check("sqrt(x) < 1", ["x >= 0"], ("x", "4"));
        Assert.Equal(ModelCheckOutcome.Confirmed, exact.Outcome);
        Assert.False(exact.ByIntervals);
    }

    [Fact]
    public void Witnesses_are_checked_at_their_values_and_named()
    {
        var statement = "forall u1, u2: (u1 = R and u2 = R) or (u1 = T and u2 = S) -> not (u1 >= P and u2 >= P and (u1 > P or u2 > P))";
        var check = Check(statement, ["T > R > P > S"], ("T", "4"), ("R", "3"), ("P", "2"), ("S", "1"), ("u1", "3"), ("u2", "3"));
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        Assert.Equal($"the assumptions hold and the statement is false: {statement} (u1, u2: the values of the quantified u1, u2 where it fails)", check.Explanation);
        Assert.Equal(["T", "R", "P", "S", "u1", "u2"], check.Assignment.Select(a => a.Key));
        var miss = Check(statement, ["T > R > P > S"], ("T", "4"), ("R", "3"), ("P", "2"), ("S", "1"), ("u1", "4"), ("u2", "1"));
        Assert.Equal(ModelCheckOutcome.Rejected, miss.Outcome);
    }

    [Fact]
    public void Bool_quantifiers_are_checked_by_enumeration()
    {
        var pennies = "exists r in Bool: exists c in Bool: (if (r <-> c) then 1 else -1) >= (if ((not r) <-> c) then 1 else -1) and (if (r <-> c) then -1 else 1) >= (if (r <-> (not c)) then -1 else 1)";
        Assert.Equal(ModelCheckOutcome.Confirmed, Check(pennies, []).Outcome);
    }

    [Fact]
    public void Missing_values_are_zero_and_bools_are_true_when_nonzero()
    {
        var theorem = Theorems.CompileWith([new("b", Sort.Bool)], "b -> x > 0");
        var check = new CandidateCheck(theorem).Check(new Dictionary<string, Rational> { ["b"] = Rational.One });
        Assert.Equal(ModelCheckOutcome.Confirmed, check.Outcome);
        Assert.Equal([new("b", "true"), new("x", "0")], check.Assignment);
    }

    [Fact]
    public void An_unsupported_theorem_has_no_check()
    {
        var error = Assert.Throws<ArgumentException>(() => new CandidateCheck(Theorems.Compile("exists q: q > a")));
        Assert.Contains("cannot be searched", error.Message);
    }
}

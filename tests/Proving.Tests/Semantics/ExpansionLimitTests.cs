using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Semantics;

/// <summary>
/// Issue 7, findings 5 and 6: work before the solver is bounded by limits checked before the work. Every input
/// here is small enough that even code without the limits finishes quickly (it then fails the assertion).
/// </summary>
public sealed class ExpansionLimitTests
{
    private static TheoremInputException Rejected(string statement, params string[] assumptions) =>
        Assert.Throws<TheoremInputException>(() => TheoremCompiler.Compile(
            new TheoremDocument { Id = "t", Statement = statement, Assumptions = assumptions }));

    [Fact]
    public void A_tower_of_constant_powers_in_an_exponent_is_refused_at_its_position_before_it_is_computed()
    {
        // 10^(64^3) has 870,000 bits; one more ^64 (the finding, x^((((10^64)^64)^64)^64)) would have 55 million, which
        // code without the limit spends minutes computing: this smaller tower fails such code fast.
        var error = Rejected("x^(((10^64)^64)^64) >= 0");

        Assert.Equal("theorem 't': statement 1:3: constant too large: this power would have at least 870,785 bits; " +
                     "a constant computed with '^' may have at most 65,536 bits", error.Message);
    }

    [Fact]
    public void An_oversized_constant_outside_an_exponent_is_refused_too()
    {
        var error = Rejected("x >= ((10^64)^64)^16");

        Assert.Contains("constant too large", error.Message);
    }

    [Fact]
    public void An_exponent_that_folds_to_a_huge_integer_is_quoted_short()
    {
        var error = Rejected("x^((10^64)^64) >= 0");

        Assert.Contains("statement 1:3: exponent too large: 10000000000000000000… (4,097 characters)", error.Message);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Theory]
    [InlineData("((x^64)^64)^64 >= 0", "statement 1:1")]            // 262,144 copies of x
    [InlineData("(a^64)^64 * (b^64)^64 * (c^64)^64 * (d^64)^64 * (e^64)^64 * (f^64)^64 * (g^64)^64 * (h^64)^64 * (i^64)^64 * (j^64)^64 * (k^64)^64 * (l^64)^64 * (m^64)^64 * (n^64)^64 * (o^64)^64 * (p^64)^64 * (q^64)^64 * (r^64)^64 * (s^64)^64 * (t^64)^64 * (u^64)^64 * (v^64)^64 * (w^64)^64 * (y^64)^64 * (z^64)^64 >= 0", "statement 1:1")] // 25 x 4,100
    [InlineData("abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(abs(x))))))))))) >= 0", "statement 1:5")] // 3^11 copies
    [InlineData("min(min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x), min(min(min(min(x, x), x), x), x)) > 0", "statement 1:1")]
    public void Nested_expansions_are_refused_by_their_term_count(string statement, string where)
    {
        var error = Rejected(statement);

        Assert.Contains($"{where}: expression too large", error.Message);
        Assert.Contains("100,000 terms", error.Message);
    }

    [Fact]
    public void An_assumption_is_measured_like_the_statement()
    {
        var error = Rejected("x >= 0", "y = ((x^64)^64)^64");

        Assert.Contains("assumption 1 1:5: expression too large", error.Message);
    }

    [Theory]
    [InlineData("(x^64)^2 >= 0")]
    [InlineData("(x^8)^8 + (y^8)^8 >= 0")]
    [InlineData("abs(abs(abs(abs(abs(abs(abs(abs(abs(x))))))))) >= 0")]
    [InlineData("x^((2^3)^2) >= 0")]
    [InlineData("x >= 2^64 * 10^60 * (10^64)^64")]
    public void Expansions_within_the_limits_compile(string statement) =>
        TheoremCompiler.Compile(new TheoremDocument { Id = "t", Statement = statement });

    [Fact]
    public void The_term_count_follows_the_encoder()
    {
        var tree = Parser.Parse("(x + 1)^3 > abs(y)");
        new TypeChecker(new Dictionary<string, Sort>()).CheckFormula(tree);

        // (> (* (+ x 1) (+ x 1) (+ x 1)) (ite (>= y 0) y (- y))): 3 x 3 + 2, and 3 x 1 + 4, under one comparison.
        Assert.Equal(1 + 11 + 7, ExpansionMeter.TermsOf(tree));
    }

    [Fact]
    public void A_huge_fractional_exponent_is_a_clear_limit_not_an_int32_overflow()
    {
        // With --genetic this used to end in "Value was either too large or too small for an Int32".
        var error = Rejected("x^(9999999999/2) >= 0");

        Assert.Equal("theorem 't': statement 1:3: exponent too large: 9999999999/2; an exponent may be at most 64 in magnitude", error.Message);
    }

    [Fact]
    public void More_obligations_than_the_limit_are_refused_before_they_are_all_built()
    {
        // A definedness obligation per division; a balanced sum keeps the tree low.
        static string Sum(int from, int to) => from == to ? $"1/(x - {from})" : $"({Sum(from, (from + to) / 2)} + {Sum((from + to) / 2 + 1, to)})";

        var error = Rejected($"{Sum(1, FormulaLimits.MaxObligations + 1)} > 0");

        Assert.Contains($"too many proof obligations: the theorem splits into more than {FormulaLimits.MaxObligations:N0}", error.Message);
    }

    [Fact]
    public void Obligations_restating_a_large_assumption_are_bounded_by_the_encoded_length()
    {
        // One assumption of ~90,000 terms (about 450 KB of SMT-LIB), restated by 80 definedness obligations.
        var big = "y = " + string.Join(" + ", Enumerable.Range(1, 230).Select(i => $"(quantity + {i})^64 * (price + {i})^64"));
        var divisions = string.Join(" + ", Enumerable.Range(1, 80).Select(i => $"1/(y - {i})"));

        var error = Rejected($"{divisions} > 0", big);

        Assert.Contains("theorem too large: its obligations add up to more than", error.Message);
    }

    [Fact]
    public void A_cancelled_compile_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TheoremCompiler.Compile(
            new TheoremDocument { Id = "t", Statement = "x + 1 > x" }, cancelled.Token));
    }
}

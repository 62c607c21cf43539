extern alias frontend;

using frontend::Hms.Frontend.Validation;
using W = frontend::Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Units;

public sealed class TheoremRuleTests
{
    private static W.Theorem Valid() => new()
    {
        Id = "t.1-a_b",
        Statement = "x > 0 -> x^2 > 0",
        Variables = { ["n"] = "Int" },
        Strategies = { "portfolio", "genetic" },
        TimeoutSeconds = 86_400,
    };

    [Fact]
    public void A_well_formed_theorem_passes()
    {
        Assert.Null(TheoremRule.Check(Valid()));
    }

    [Fact]
    public void The_limits_themselves_are_allowed()
    {
        var theorem = Valid();
        theorem.Id = new string('a', 128);
        theorem.Statement = new string('x', 1024 * 1024);
        theorem.Assumptions.Add(Enumerable.Repeat("x > 0", 1000));

        Assert.Null(TheoremRule.Check(theorem));
    }

    [Fact]
    public void Statement_size_counts_utf8_bytes()
    {
        var theorem = Valid();
        theorem.Statement = new string('≤', 400_000); // 1.2 MB in UTF-8

        Assert.Contains("longer than", TheoremRule.Check(theorem));
    }

    [Fact]
    public void Problems_name_the_theorem()
    {
        var theorem = Valid();
        theorem.Variables["b"] = "bool";

        Assert.Equal("theorem 't.1-a_b': variable 'b' has unknown type 'bool' (expected Real, Int or Bool)",
            TheoremRule.Check(theorem));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("a b")]
    [InlineData("é")]
    public void Ids_outside_the_core_alphabet_are_refused(string id)
    {
        Assert.NotNull(TheoremIdRule.Check(id, "id"));
    }

    [Fact]
    public void Echoed_text_is_shortened()
    {
        var problem = TheoremIdRule.Check(new string('/', 100_000), "id");

        Assert.NotNull(problem);
        Assert.True(problem.Length < 200);
    }
}

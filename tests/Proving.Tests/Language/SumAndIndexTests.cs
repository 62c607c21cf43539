using Hms.Proving.Documents;
using static Hms.Proving.Tests.Language.Elaborate;

namespace Hms.Proving.Tests.Language;

public sealed class SumAndIndexTests
{
    private static readonly KeyValuePair<string, Sort>[] Portfolio = [Var("w[1..3]"), Var("r[1..3]")];

    private static string Text(string formula, params KeyValuePair<string, string>[] definitions) =>
        Hms.Proving.Syntax.FormulaPrinter.Print(Tree(formula, definitions, Portfolio));

    [Fact]
    public void A_sum_over_a_literal_range_is_unrolled()
    {
        Assert.Equal("w[1] * r[1] + (w[2] * r[2] + w[3] * r[3]) >= 0", Text("sum(i in 1..3, w[i]*r[i]) >= 0"));
        Assert.Equal("6 = 6", Text("sum(i in 1..3, i) = 6"));
        Assert.Equal("0 = 0", Text("sum(i in 3..1, w[i]) = 0"));
        Assert.Equal("w[2] + w[3] > 0", Text("sum(i in 1..n, w[i+1]) > 0", Def("n", "2")));
    }

    [Fact]
    public void Nested_sums_and_sums_in_definitions()
    {
        Assert.Equal("w[1] * r[1] + w[1] * r[2] + (w[2] * r[1] + w[2] * r[2]) > 0", Text("sum(i in 1..2, sum(j in 1..2, w[i]*r[j])) > 0"));
        Assert.Equal("w[1] * r[1] + (w[2] * r[2] + w[3] * r[3]) > 0", Text("ret > 0", Def("ret", "sum(i in 1..3, w[i]*r[i])")));
        Assert.Equal("r[2] = r[2]", Text("d(sum(i in 1..3, w[i]*r[i]), w[2]) = r[2]"));
    }

    [Theory]
    [InlineData("sum(i in 1..n, w[i]) > 0", "1:13: the bounds of a sum must be whole numbers (such as 1..3, or a definition n: \"3\")")]
    [InlineData("sum(i in 1..2.5, w[i]) > 0", "1:13: the bounds of a sum must be whole numbers (such as 1..3, or a definition n: \"3\")")]
    [InlineData("sum(i in 1..5000, i) > 0", "1:10: the range 1..5000 of this sum has 5,000 terms; at most 1,000")]
    [InlineData("w[4] > 0", "1:3: w[4] is out of range: w is declared as w[1..3]")]
    [InlineData("sum(i in 1..4, w[i]) > 0", "1:18: w[4] is out of range: w is declared as w[1..3]")]
    [InlineData("w[k] > 0", "1:3: the index of w[…] must be a whole number or the index of an enclosing sum, such as w[2] or w[i]")]
    [InlineData("y[1] > 0", "1:1: 'y' is not an indexed variable; declare it in variables, e.g. y[1..3]: Real")]
    [InlineData("w > 0", "1:1: 'w' is declared as w[1..3]; write one element such as w[1], or sum(i in 1..3, w[i])")]
    public void Index_and_range_errors_say_where_and_why(string formula, string expected) =>
        Assert.Equal(expected, Error(formula, variables: Portfolio));

    [Fact]
    public void Indexed_declarations_become_their_elements()
    {
        var errors = new List<string>();
        var declarations = Elaboration.Declarations.Read([Var("n", Sort.Int), Var("x[0..2]", Sort.Int)], errors);
        Assert.Empty(errors);
        Assert.Equal(["n", "x[0]", "x[1]", "x[2]"], declarations.Variables.Select(v => v.Key));
        Assert.All(declarations.Variables, v => Assert.Equal(Sort.Int, v.Value));
    }

    [Theory]
    [InlineData("x[1..]", "variable 'x[1..]' 1:2: an indexed variable is declared as name[FROM..TO] with integer bounds, e.g. x[1..3]")]
    [InlineData("x[3..1]", "variable 'x[3..1]' 1:6: the range 3..1 is empty")]
    [InlineData("x[1..5000]", "variable 'x[1..5000]' 1:3: the range 1..5000 has 5,000 elements; at most 1,000")]
    [InlineData("x[a..3]", "variable 'x[a..3]' 1:3: an indexed variable is declared as name[FROM..TO] with integer bounds, e.g. x[1..3]")]
    public void Bad_declarations_are_reported(string key, string expected)
    {
        var errors = new List<string>();
        Elaboration.Declarations.Read([Var(key)], errors);
        Assert.Equal([expected], errors);
    }

    [Fact]
    public void A_yaml_theorem_declares_indexed_variables_in_block_style()
    {
        var file = TheoremFileLoader.LoadText("""
            id: portfolio
            variables:
              w[1..3]: Real
            statement: "sum(i in 1..3, w[i]) = 1"
            """, "portfolio.yaml");
        Assert.Empty(file.Errors);
        var compiled = Compiling.TheoremCompiler.Compile(file.Theorems[0]);
        Assert.Equal(["w[1]", "w[2]", "w[3]"], compiled.Variables.Select(v => v.Name));
    }
}

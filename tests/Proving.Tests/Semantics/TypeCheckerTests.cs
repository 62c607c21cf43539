using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Semantics;

public sealed class TypeCheckerTests
{
    private static Expr Check(string formula, params (string Name, Sort Sort)[] declared)
    {
        var tree = Parser.Parse(formula);
        new TypeChecker(declared.ToDictionary(d => d.Name, d => d.Sort)).CheckFormula(tree);
        return tree;
    }

    private static string Error(string formula, params (string Name, Sort Sort)[] declared) =>
        Assert.Throws<FormulaException>(() => Check(formula, declared)).Message;

    [Fact]
    public void Undeclared_names_are_real_and_collected_in_order()
    {
        var checker = new TypeChecker(new Dictionary<string, Sort>());
        checker.CheckFormula(Parser.Parse("b * a > c + b"));
        Assert.Equal(["b", "a", "c"], checker.Undeclared.Select(u => u.Key));
        Assert.All(checker.Undeclared, u => Assert.Equal(Sort.Real, u.Value));
    }

    [Fact]
    public void Int_arithmetic_stays_int_and_division_is_real()
    {
        var tree = (CompareExpr)Check("n + 1 = n / 2", ("n", Sort.Int));
        Assert.Equal(Sort.Int, tree.Left.Sort);
        Assert.Equal(Sort.Real, tree.Right.Sort);
    }

    [Fact]
    public void Int_power_of_literal_is_int()
    {
        var tree = (CompareExpr)Check("n^2 >= 0", ("n", Sort.Int));
        Assert.Equal(Sort.Int, tree.Left.Sort);
    }

    [Fact]
    public void Bound_variables_shadow_declared_ones()
    {
        Check("forall r in Bool: r or not r", ("r", Sort.Real));
    }

    [Fact]
    public void Bool_equality_means_iff() => Check("(a = b) = c", ("a", Sort.Real), ("c", Sort.Bool));

    [Theory]
    [InlineData("flag + 1 > 0", "1:1: 'flag' is Bool, but '+' needs a number")]
    [InlineData("p and q", "1:1: 'p' is a number (Real; undeclared names are Real — declare it as Bool), but 'and' needs a formula (true or false)")]
    [InlineData("x + 1", "1:1: expected a formula (true or false), found a numeric (Real) expression; did you mean a comparison such as '... = ...'?")]
    [InlineData("flag = 1", "1:1: '=' compares a formula (Bool) with a number; both sides must be numbers or both formulas")]
    [InlineData("x^flag > 0", "1:3: 'flag' is Bool, but '^' needs a number")]
    [InlineData("(if flag then 1 else flag) > 0", "1:22: the 'then' and 'else' branches of 'if' must both be numbers or both be formulas")]
    [InlineData("abs(flag) > 0", "1:5: 'flag' is Bool, but 'abs' needs a number")]
    [InlineData("forall x: x + 1", "1:11: this is a number (Real), but 'forall' needs a formula (true or false)")]
    public void Type_errors_are_clear(string formula, string expected) =>
        Assert.Equal(expected, Error(formula, ("flag", Sort.Bool)));
}

using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Syntax;

public sealed class ParserTests
{
    private static string P(string formula) => TreePrinter.Print(Parser.Parse(formula));

    [Theory]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b / c", "((a / b) / c)")]
    [InlineData("-x^2", "(- (x ^ 2))")]
    [InlineData("x^2^3", "(x ^ (2 ^ 3))")]
    [InlineData("x^-1", "(x ^ (- 1))")]
    [InlineData("2 * -3", "(2 * (- 3))")]
    [InlineData("p -> q -> r", "(p -> (q -> r))")]
    [InlineData("p <-> q <-> r", "((p <-> q) <-> r)")]
    [InlineData("p or q and r", "(p or (q and r))")]
    [InlineData("not p and q", "((not p) and q)")]
    [InlineData("not a < b", "(not (a < b))")]
    [InlineData("p -> q or r <-> s", "((p -> (q or r)) <-> s)")]
    [InlineData("a = b", "(a = b)")]
    [InlineData("a == b", "(a = b)")]
    [InlineData("a != b", "(a != b)")]
    public void Precedence_and_associativity(string formula, string expected) => Assert.Equal(expected, P(formula));

    [Fact]
    public void Comparison_chains_become_conjunctions() =>
        Assert.Equal("((0 < a) and (a < 1))", P("0 < a < 1"));

    [Fact]
    public void Long_chains_link_each_neighbour() =>
        Assert.Equal("(((T > R) and (R > P)) and (P > S))", P("T > R > P > S"));

    [Theory]
    [InlineData("0.1", "1/10")]
    [InlineData("1e-3", "1/1000")]
    [InlineData("2.5E2", "250")]
    [InlineData(".5", "1/2")]
    public void Decimals_are_exact(string formula, string expected) => Assert.Equal(expected, P(formula));

    [Fact]
    public void If_then_else_extends_as_far_right_as_it_can() =>
        Assert.Equal("(a + (if c then x else (y + 1)))", P("a + if c then x else y + 1"));

    [Fact]
    public void Nested_if_in_else_branch() =>
        Assert.Equal("(if (v > h) then (v - h) else (if (v = h) then ((v - h) / 2) else 0))",
            P("if v > h then v - h else if v = h then (v - h)/2 else 0"));

    [Theory]
    [InlineData("forall x, y: x + y >= 0", "(forall x:Real, y:Real. ((x + y) >= 0))")]
    [InlineData("exists n in Int: n > 0", "(exists n:Int. (n > 0))")]
    [InlineData("forall x, y in Int: x = y", "(forall x:Int, y:Int. (x = y))")]
    [InlineData("forall p in Real, n in Int: p = n", "(forall p:Real, n:Int. (p = n))")]
    [InlineData("forall r in Bool, x: r", "(forall r:Bool, x:Real. r)")]
    public void Quantifier_binders(string formula, string expected) => Assert.Equal(expected, P(formula));

    [Fact]
    public void Quantifier_body_extends_as_far_right_as_it_can() =>
        Assert.Equal("(a and (forall q:Real. ((q > 0) -> (p > 0))))", P("a and forall q: q > 0 -> p > 0"));

    [Fact]
    public void Quantifier_inside_parentheses_stops_there() =>
        Assert.Equal("((exists q:Real. (q > 0)) and (p > 0))", P("(exists q: q > 0) and p > 0"));

    [Theory]
    [InlineData("a ≤ b ∧ c ≥ d", "((a <= b) and (c >= d))")]
    [InlineData("¬p ∨ q", "((not p) or q)")]
    [InlineData("p → q ↔ r", "((p -> q) <-> r)")]
    [InlineData("∀ x: x ≠ 1", "(forall x:Real. (x != 1))")]
    [InlineData("∃ x: x = 1", "(exists x:Real. (x = 1))")]
    [InlineData("a && b || !c", "((a and b) or (not c))")]
    [InlineData("p implies q iff r", "((p -> q) <-> r)")]
    [InlineData("a − b", "(a - b)")]
    public void Unicode_and_symbol_forms(string formula, string expected) => Assert.Equal(expected, P(formula));

    [Theory]
    [InlineData("abs(x)", "abs(x)")]
    [InlineData("min(a, b, c)", "min(a, b, c)")]
    [InlineData("max(a, b)", "max(a, b)")]
    [InlineData("sqrt(x) + exp(y) + log(z)", "((sqrt(x) + exp(y)) + log(z))")]
    public void Calls(string formula, string expected) => Assert.Equal(expected, P(formula));

    [Fact]
    public void A_name_called_like_a_function_only_when_followed_by_a_parenthesis() =>
        Assert.Equal("(exp + 1)", P("exp + 1"));

    [Theory]
    [InlineData("a * m / (p * )", "1:14: expected an expression after '*', found ')'")]
    [InlineData("(a + b", "1:7: expected ')' to close the '(' at 1:1, found end of input")]
    [InlineData("a + b)", "1:6: unmatched ')': no '(' is open here")]
    [InlineData("", "1:1: empty formula: expected an expression")]
    [InlineData("   ", "1:4: empty formula: expected an expression")]
    [InlineData("a b", "1:3: expected an operator or the end of the formula, found 'b'")]
    [InlineData("a + ", "1:5: expected an expression after '+', found end of input")]
    [InlineData("sum(i 1..3, x)", "1:7: expected 'in' after the index variable 'i' of 'sum' (as in sum(i in 1..3, …)), found '1'")]
    [InlineData("sum(i in 1..3)", "1:14: expected ',' and the expression to add up after the range of 'sum', found ')'")]
    [InlineData("x[1", "1:4: expected ']' to close the '[' of x at 1:2, found end of input")]
    [InlineData("min(x)", "1:1: min takes at least 2 arguments, found 1")]
    [InlineData("abs(x, y)", "1:1: abs takes exactly 1 argument, found 2")]
    [InlineData("a # b", "1:3: unexpected character '#'")]
    [InlineData("forall x in Float: x > 0", "1:13: unknown type 'Float' (expected Real, Int or Bool)")]
    [InlineData("forall x x > 0", "1:10: expected ',', 'in' or ':' after the variables of 'forall', found 'x'")]
    [InlineData("forall x, x: x > 0", "1:11: variable 'x' is bound twice by one 'forall'")]
    [InlineData("if a > 0 then 1", "1:16: expected 'else' in the 'if' at 1:1, found end of input")]
    [InlineData("a > 0\n and (b", "2:8: expected ')' to close the '(' at 2:6, found end of input")]
    public void Syntax_errors_say_where_what_and_why(string formula, string expected)
    {
        var error = Assert.Throws<FormulaException>(() => Parser.Parse(formula));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Deep_nesting_is_a_clear_error_not_a_crash()
    {
        var formula = new string('(', 10_000) + "x" + new string(')', 10_000);
        var error = Assert.Throws<FormulaException>(() => Parser.Parse(formula));
        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public void Long_operator_chains_are_bounded()
    {
        var formula = string.Join(" + ", Enumerable.Repeat("x", 5000)) + " > 0";
        var error = Assert.Throws<FormulaException>(() => Parser.Parse(formula));
        Assert.Contains("nested deeper than", error.Message);
    }

    [Fact]
    public void A_ten_megabyte_formula_is_refused_up_front()
    {
        var formula = new string('x', 10 * 1024 * 1024);
        var error = Assert.Throws<FormulaException>(() => Parser.Parse(formula));
        Assert.Contains("the limit is", error.Message);
    }

    [Fact]
    public void Positions_point_at_the_offending_token()
    {
        var tree = Parser.Parse("a +\n  b / c");
        Assert.Equal(new SourcePosition(0, 1, 1), tree.Start);
        Assert.Equal("a +\n  b / c", tree.SourceText("a +\n  b / c"));
    }
}

using static Hms.Proving.Tests.Language.Elaborate;

namespace Hms.Proving.Tests.Language;

public sealed class DerivativeTests
{
    [Theory]
    [InlineData("d(x^3, x) = 0", "3 * x^2 = 0")]
    [InlineData("d(a*x^2 + b*x + c, x) = 0", "a * (2 * x) + b = 0")]
    [InlineData("d(5, x) = 0", "0 = 0")]
    [InlineData("d(y, x) = 0", "0 = 0")]
    [InlineData("d(x*y, x, y) = 1", "1 = 1")]
    [InlineData("d(x^2*y^3, x, y) = 0", "2 * x * (3 * y^2) = 0")]
    [InlineData("d(-x, x) = -1", "-1 = -1")]
    [InlineData("d(x^(-1), x) < 0", "(if x != 0 then -x^-2 else 0 / 0) < 0")]
    [InlineData("d(abs(y)*x, x) >= 0", "abs(y) >= 0")]
    [InlineData("d(exp(2*x), x) > 0", "2 * exp(2 * x) > 0")]
    public void Rules_of_calculus_simplified(string formula, string expected) => Assert.Equal(expected, Text(formula));

    [Fact]
    public void Quotients_keep_the_divisor_of_the_function()
    {
        Assert.Equal("(if y != 0 then 1 / y else 0 / 0) > 0", Text("d(x/y, x) > 0"));
        Assert.Equal("(if x != 0 then -1 / x^2 else 0 / 0) < 0", Text("d(1/x, x) < 0"));
    }

    [Fact]
    public void Log_and_sqrt_keep_their_domain()
    {
        // 1/x alone would be defined for x < 0, where log is not: the guard keeps log's domain.
        Assert.Equal("(if x > 0 then 1 / x else 0 / 0) > 0", Text("d(log(x), x) > 0"));
        Assert.Equal("(if x >= 0 then 1 / (2 * sqrt(x)) else 0 / 0) > 0", Text("d(sqrt(x), x) > 0"));
    }

    [Fact]
    public void Symbolic_powers_use_log()
    {
        Assert.Equal("a * x^(a - 1) > 0", Untyped("d(x^a, x) > 0"));
        Assert.Equal("b^x * log(b) > 0", Untyped("d(b^x, x) > 0"));
        Assert.Equal("x^x * (log(x) + x / x) > 0", Untyped("d(x^x, x) > 0"));
    }

    [Fact]
    public void Definitions_are_differentiated_after_expansion()
    {
        var text = Text("d(profit(q), q) = 0", ("profit(q)", "(a - b*q)*q - c*q"));
        Assert.Equal("-(b * q) + (a - b * q) - c = 0", text);
    }

    [Fact]
    public void A_derivative_inside_a_definition_is_taken_before_the_argument_is_put_in()
    {
        var text = Text("mr(2*z) = 0", ("r(q)", "(a - b*q)*q"), ("mr(q)", "d(r(q), q)"));
        Assert.Equal("-(b * (2 * z)) + (a - b * (2 * z)) = 0", text);
    }

    [Fact]
    public void A_derivative_of_a_derivative_keeps_one_guard()
    {
        Assert.Equal("(if x != 0 and x^2 != 0 then 2 * x / (x^2)^2 else 0 / 0) > 0", Text("d(d(1/x, x), x) > 0"));
    }

    [Theory]
    [InlineData("d(abs(x), x) > 0", "1:3: d(…, x) cannot differentiate abs(…) at 1:3: it has a kink (abs(u) where u = 0); state the cases separately, e.g. with assumptions")]
    [InlineData("d(max(x, 1), x) > 0", "1:3: d(…, x) cannot differentiate max(…) at 1:3: it has a kink (max(u, v) where u = v); state the cases separately, e.g. with assumptions")]
    [InlineData("d(if x > 0 then x else 0, x) > 0", "1:3: d(…, x) cannot differentiate 'if … then … else …' at 1:3: it may jump or kink where its condition changes; state the cases separately")]
    [InlineData("d(x > 0, x)", "1:3: d(…, x) needs a numeric expression; found a formula (true or false) at 1:3")]
    [InlineData("d(x^2, 2) > 0", "1:8: d(f, x) differentiates with respect to a variable; '2' is not one")]
    [InlineData("d(x^2) > 0", "1:1: d takes an expression and one or two variables, d(f, x) or d(f, x, y); found 1 argument")]
    [InlineData("d(x^2, x, x, x) > 0", "1:1: d takes an expression and one or two variables, d(f, x) or d(f, x, y); found 4 arguments")]
    public void Derivative_errors_name_the_construct_and_where(string formula, string expected) =>
        Assert.Equal(expected, Error(formula));

    [Fact]
    public void Only_real_variables_are_differentiated()
    {
        Assert.Equal("1:8: d(f, n) needs a Real variable; 'n' is Int", Error("d(n^2, n) > 0", variables: [Var("n", Sort.Int)]));
        Assert.Equal("1:17: d(f, x) differentiates with respect to a variable; 'q_star' is not one (it is a definition)",
            Error("d(x^2 + q_star, q_star) > 0", [Def("q_star", "(a - c)/2")]));
    }

    [Fact]
    public void Outside_its_domain_a_derivative_is_undefined_in_the_users_words()
    {
        const string formula = "d(log(x), x) > 0";
        var evaluator = new Hms.Proving.Semantics.Evaluator(formula);
        evaluator.Bind("x", Hms.Proving.Semantics.Value.Of(Hms.Proving.Numbers.Rational.Zero));
        var e = Assert.Throws<Hms.Proving.Semantics.UndefinedException>(() => evaluator.Eval(Tree(formula)));
        Assert.Equal("d(log(x), x) is undefined here: the function or its derivative is not defined at this point", e.Message);
    }

    [Fact]
    public void A_constant_zero_divisor_is_named_as_such()
    {
        const string formula = "x / 0 > 0";
        var evaluator = new Hms.Proving.Semantics.Evaluator(formula);
        evaluator.Bind("x", Hms.Proving.Semantics.Value.Of(Hms.Proving.Numbers.Rational.One));
        var e = Assert.Throws<Hms.Proving.Semantics.UndefinedException>(() => evaluator.Eval(Tree(formula)));
        Assert.Equal("x / 0 divides by zero", e.Message);
    }
}

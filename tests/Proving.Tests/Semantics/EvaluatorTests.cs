using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Semantics;

public sealed class EvaluatorTests
{
    private static Value Eval(string formula, params (string Name, string Value)[] values)
    {
        var tree = Parser.Parse(formula);
        new TypeChecker(new Dictionary<string, Sort>()).CheckFormula(tree);
        var evaluator = new Evaluator(formula);
        foreach (var (name, value) in values) evaluator.Bind(name, Value.Of(Rational.Parse(value)));
        return evaluator.Eval(tree);
    }

    [Fact]
    public void Arithmetic_is_exact() => Assert.True(Eval("0.1 + 0.2 = 0.3").Bool);

    [Fact]
    public void Division_by_zero_names_the_expression()
    {
        var e = Assert.Throws<UndefinedException>(() => Eval("a*m/px > 0", ("a", "1"), ("m", "2"), ("px", "0")));
        Assert.Equal("px = 0 makes a*m/px undefined", e.Message);
    }

    [Fact]
    public void Guards_protect_the_right_side()
    {
        Assert.True(Eval("px = 0 or m/px > 0", ("px", "0"), ("m", "1")).Bool);
        Assert.True(Eval("px != 0 -> m/px > 0", ("px", "0"), ("m", "1")).Bool);
        Assert.False(Eval("px != 0 and m/px > 0", ("px", "0"), ("m", "1")).Bool);
        Assert.True(Eval("(if px = 0 then 0 else m/px) = 0", ("px", "0"), ("m", "1")).Bool);
    }

    [Fact]
    public void Bool_quantifiers_are_enumerated() =>
        Assert.True(Eval("forall r in Bool, c in Bool: (r <-> c) or (r <-> not c)").Bool);

    [Fact]
    public void Real_quantifiers_cannot_be_evaluated_exactly() =>
        Assert.Throws<InexactException>(() => Eval("forall q: q*q >= 0"));

    [Fact]
    public void Perfect_square_roots_are_exact()
    {
        Assert.True(Eval("sqrt(x) = 3/2", ("x", "9/4")).Bool);
        Assert.Throws<InexactException>(() => Eval("sqrt(x) > 1", ("x", "2")));
        Assert.Throws<UndefinedException>(() => Eval("sqrt(x) > 1", ("x", "-1")));
    }

    [Fact]
    public void Negative_powers_divide() => Assert.True(Eval("x^-2 = 1/4", ("x", "2")).Bool);

    [Fact]
    public void Min_max_abs() => Assert.True(Eval("min(a, b) = -2 and max(a, b) = 3 and abs(a) = 2", ("a", "-2"), ("b", "3")).Bool);
}

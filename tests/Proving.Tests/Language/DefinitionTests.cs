using Hms.Proving.Documents;
using static Hms.Proving.Tests.Language.Elaborate;

namespace Hms.Proving.Tests.Language;

public sealed class DefinitionTests
{
    [Fact]
    public void A_use_is_the_body_with_the_arguments_for_the_parameters()
    {
        Assert.Equal("(p - c) * (2 * z) >= 0", Text("profit(2*z) >= 0", ("profit(q)", "(p - c)*q")));
        Assert.Equal("(a - c) / (2 * b) > 0", Text("q_star > 0", ("q_star", "(a - c)/(2*b)")));
    }

    [Fact]
    public void Definitions_may_use_each_other_in_any_order()
    {
        var text = Text("q_star(t) < a", ("q_star(t)", "demand(p_star(t))"), ("demand(p)", "a - b*p"), ("p_star(t)", "(a - c + e*t)/(b + e)"));
        Assert.Equal("a - b * ((a - c + e * t) / (b + e)) < a", text);
    }

    [Fact]
    public void Predicates_can_be_defined_too()
    {
        Assert.Equal("q >= 0 and q <= k", Text("feasible(q)", ("feasible(x)", "x >= 0 and x <= k")));
    }

    [Fact]
    public void A_parameter_shadows_the_variable_of_the_same_name()
    {
        Assert.Equal("a - b * 3 + p > 0", Text("demand(3) + p > 0", ("demand(p)", "a - b*p")));
    }

    [Fact]
    public void Messages_about_a_use_point_at_the_use()
    {
        var defs = new[] { Def("profit(q)", "(p - c)*q"), Def("q_star", "1") };
        Assert.Equal("1:5: 'profit' takes 1 argument ('profit(q)'), found 2", Error("1 + profit(1, 2) > 0", defs));
        Assert.Equal("1:1: 'profit' is a function of 1 argument ('profit(q)'); write profit(…)", Error("profit > 0", defs));
        Assert.Equal("1:1: unknown function 'proft' (known: abs, min, max, sqrt, exp, log, d, maximizes, minimizes; defined in this theorem: profit(q), q_star); did you mean 'profit'?",
            Error("proft(1) > 0", defs));
    }

    [Fact]
    public void A_definition_may_not_meet_a_quantifier_that_binds_its_variable()
    {
        // profit's c is the theorem's c; under "forall c" it would silently become the bound one.
        Assert.Equal("1:11: 'profit(q)' uses the variable 'c', but here 'c' is bound by the quantifier at 1:8; rename that bound variable",
            Error("forall c: profit(1) >= 0", [Def("profit(q)", "(p - c)*q")]));
        Assert.Equal("1:15: the argument for 'x' of 'pos(x)' mentions 'y', which a quantifier inside 'pos' binds; rename that variable in the definition",
            Error("forall y: pos(y)", [Def("pos(x)", "forall y: x*y*y >= 0")]));
    }

    [Fact]
    public void Recursion_is_an_error_naming_the_cycle()
    {
        var errors = Errors(Doc("revenue(1) > 0", ("revenue(q)", "price(q)*q"), ("price(q)", "revenue(q)/q")));
        Assert.Contains("theorem 't': definition 'revenue(q)': definitions may not be recursive: revenue -> price -> revenue", errors);
        Assert.Contains("theorem 't': definition 'price(q)': definitions may not be recursive: revenue -> price -> revenue", errors);
        Assert.Contains("theorem 't': statement 1:1: 'revenue' cannot be used: its definition 'revenue(q)' has errors (reported with it)", errors);
        Assert.Contains("definitions may not be recursive: f -> f", Errors(Doc("f(1) > 0", ("f(x)", "f(x) + 1")))[0]);
    }

    [Fact]
    public void Errors_inside_a_definition_name_it_and_the_place_in_its_text()
    {
        Assert.Equal("theorem 't': definition 'u(x, y)' 1:9: expected an expression after '+', found '*'",
            Errors(Doc("u(1, 2) > 0", ("u(x, y)", "x * y + *")))[0]);
        Assert.Equal("theorem 't': definition 'u(x, y)' 1:5: unknown function 'g' (known: abs, min, max, sqrt, exp, log, d, maximizes, minimizes; defined in this theorem: u(x, y)); did you mean 'd'?",
            Errors(Doc("true", ("u(x, y)", "x + g(y)")))[0]);
        Assert.Equal("theorem 't': definition 'u(x, x)' (its name) 1:6: parameter 'x' is given twice", Errors(Doc("true", ("u(x, x)", "x")))[0]);
        Assert.Equal("theorem 't': definition 'sqrt(x)' (its name) 1:1: 'sqrt' is built into the language and cannot be redefined",
            Errors(Doc("true", ("sqrt(x)", "x")))[0]);
        Assert.Equal("theorem 't': definition 'u(x' (its name) 1:4: expected ',' or ')' after parameter 'x', found end of input",
            Errors(Doc("true", ("u(x", "x")))[0]);
    }

    [Fact]
    public void A_name_is_a_variable_or_a_definition_not_both()
    {
        var doc = Doc("q > 0", ("q", "1")) with { Variables = [new("q", Sort.Real)] };
        Assert.Equal(["theorem 't': definition 'q': 'q' is also declared as a variable; a name is one or the other"], Errors(doc));
        Assert.Equal("theorem 't': definition 'f(y)': 'f' is already defined as 'f(x)'", Errors(Doc("true", ("f(x)", "x"), ("f(y)", "y")))[0]);
    }

    [Fact]
    public void Definitions_are_for_infix_theorems()
    {
        var doc = Doc("(assert false)", ("f(x)", "x")) with { Format = TheoremFormat.Smtlib2 };
        Assert.Equal(["theorem 't': definitions: definitions are part of the infix language; a Smtlib2 theorem cannot use them"], Errors(doc));
    }

    [Fact]
    public void Definitions_are_part_of_the_content_hash()
    {
        var plain = Doc("q_star > 0");
        var one = Doc("q_star > 0", ("q_star", "(a - c)/(2*b)"));
        var other = Doc("q_star > 0", ("q_star", "(a - c)/(3*b)"));
        var two = Doc("true", ("f(x)", "x"), ("g(x)", "2*x"));
        var swapped = Doc("true", ("g(x)", "2*x"), ("f(x)", "x"));
        Assert.NotEqual(plain.ContentHash, one.ContentHash);
        Assert.NotEqual(one.ContentHash, other.ContentHash);
        Assert.Equal(two.ContentHash, swapped.ContentHash);
    }

    [Fact]
    public void A_yaml_theorem_reads_its_definitions_in_order()
    {
        var file = TheoremFileLoader.LoadText("""
            id: monopoly
            definitions:
              profit(q): "(a - b*q)*q - c*q"
              q_m: "(a - c) / (2*b)"
            statement: "d(profit(q), q) = 0"
            """, "monopoly.yaml");
        Assert.Empty(file.Errors);
        Assert.Equal([new("profit(q)", "(a - b*q)*q - c*q"), new("q_m", "(a - c) / (2*b)")], file.Theorems[0].Definitions);
    }

    [Fact]
    public void A_yaml_definition_must_be_a_formula()
    {
        var file = TheoremFileLoader.LoadText("""
            id: t
            definitions:
              f(x): ""
              g(x): [1, 2]
            statement: "true"
            """, "t.yaml");
        Assert.Equal(["t.yaml:3:9: theorem 't': definition 'f(x)' is empty (expected a formula)",
            "t.yaml:4:9: theorem 't': definition 'g(x)': expected a formula string, found a list"],
            file.Errors.Select(e => e.ToString()));
    }
}

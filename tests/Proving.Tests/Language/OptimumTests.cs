using static Hms.Proving.Tests.Language.Elaborate;

namespace Hms.Proving.Tests.Language;

public sealed class OptimumTests
{
    private static readonly KeyValuePair<string, string>[] Monopoly =
        [Def("profit(q)", "(a - b*q)*q - c*q"), Def("q_m", "(a - c)/(2*b)")];

    private static string Text(string formula) => Hms.Proving.Syntax.FormulaPrinter.Print(Tree(formula, Monopoly));

    [Fact]
    public void Maximizes_means_feasible_and_no_feasible_choice_does_better()
    {
        Assert.Equal(
            "(a - c) / (2 * b) >= 0 and forall q in Real: q >= 0 -> (a - b * q) * q - c * q <= (a - b * ((a - c) / (2 * b))) * ((a - c) / (2 * b)) - c * ((a - c) / (2 * b))",
            Text("maximizes(q_m, profit(q), q >= 0)"));
    }

    [Fact]
    public void Minimizes_and_the_unconstrained_form()
    {
        Assert.Equal("forall q in Real: (a - b * q) * q - c * q >= (a - b * 1) * 1 - c * 1", Text("minimizes(1, profit(q))"));
    }

    [Fact]
    public void The_choice_variable_may_be_named()
    {
        Assert.Equal("forall x in Real: x * (k - x) <= k / 2 * (k - k / 2)", Text("maximizes(x = k/2, x*(k - x))"));
    }

    [Fact]
    public void A_derivative_in_the_objective_is_taken_before_the_candidate_is_put_in()
    {
        Assert.Equal("forall q in Real: -(3 * q^2) / 3 <= -(3 * q_0^2) / 3", Text("maximizes(q_0, -d(q^3, q)/3)"));
    }

    [Theory]
    [InlineData("maximizes(q_m, (a - b*q)*q)", "1:1: cannot tell which variable maximizes chooses: the objective mentions 'a', 'b', 'q'; name it, as in maximizes(q = q_star, profit(q), q >= 0)")]
    [InlineData("maximizes(q_m, 7)", "1:1: cannot tell which variable maximizes chooses: the objective mentions no variable the candidate does not; name it, as in maximizes(q = q_star, profit(q), q >= 0)")]
    [InlineData("maximizes(q = q + 1, profit(q))", "1:15: the candidate of maximizes mentions the choice variable 'q' it is compared against; the candidate must be a value such as q_star")]
    [InlineData("minimizes(q_m)", "1:1: minimizes takes a candidate, an objective and optionally a constraint, as in minimizes(q_star, profit(q), q >= 0); found 1 argument")]
    public void Optimum_errors(string formula, string expected) => Assert.Equal(expected, Error(formula, Monopoly));

    [Fact]
    public void A_bool_choice_is_refused() =>
        Assert.Equal("1:11: the choice variable 'z' of maximizes is Bool; it must be a number",
            Error("maximizes(z = true, if z then 1 else 0)", variables: [Var("z", Sort.Bool)]));
}

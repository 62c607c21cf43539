using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class PortfolioVerdictTests
{
    [Fact]
    public void The_first_decisive_answer_wins()
    {
        var z3 = Result(SolverKind.Z3, SolverStatus.Unknown, "z3 returned unknown");
        var cvc5 = Result(SolverKind.Cvc5, SolverStatus.Unsat);

        var verdict = PortfolioVerdict.Decide(cvc5, z3);

        Assert.Same(cvc5, verdict.Winner);
        Assert.Equal([z3, cvc5], verdict.All);
    }

    [Fact]
    public void Contradicting_verdicts_are_an_error_naming_both()
    {
        var verdict = PortfolioVerdict.Decide(Result(SolverKind.Cvc5, SolverStatus.Unsat), Result(SolverKind.Z3, SolverStatus.Sat));

        Assert.Equal(SolverStatus.Error, verdict.Winner.Status);
        Assert.Equal("z3 says sat, cvc5 says unsat", verdict.Winner.Reason);
    }

    [Fact]
    public void Agreeing_verdicts_keep_the_faster_one()
    {
        var first = Result(SolverKind.Z3, SolverStatus.Sat);

        Assert.Same(first, PortfolioVerdict.Decide(first, Result(SolverKind.Cvc5, SolverStatus.Sat)).Winner);
    }

    [Fact]
    public void Without_a_verdict_an_error_is_preferred_and_both_reasons_are_kept()
    {
        var z3 = Result(SolverKind.Z3, SolverStatus.Unknown, "timeout after 1 s");
        var cvc5 = Result(SolverKind.Cvc5, SolverStatus.Error, "cvc5 error: Parse Error");

        var verdict = PortfolioVerdict.Decide(z3, cvc5);

        Assert.Equal(SolverKind.Cvc5, verdict.Winner.Solver);
        Assert.Equal(SolverStatus.Error, verdict.Winner.Status);
        Assert.Equal("z3: timeout after 1 s; cvc5 error: Parse Error", verdict.Winner.Reason);
    }

    private static SolverResult Result(SolverKind kind, SolverStatus status, string? reason = null) =>
        new(kind, status, TimeSpan.FromMilliseconds(5), null, null, reason);
}

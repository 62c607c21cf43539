using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>
/// A goal that wants an unsat core is decided as written (named, cores on) within a share of its limit, then,
/// if undecided, without names and cores (z3 treats tracked assertions differently, and which form is fast
/// depends on the goal), its core then asked for in a pass of its own; that pass can only add the core, never
/// change or lose the verdict.
/// </summary>
[Collection(RealSolversCollection.Name)]
public sealed class UnsatCorePassTests
{
    private const string Named = "(declare-const x Real)\n(assert (! (> x 1.0) :named a1))\n(assert (not (> x 0.0)))\n";

    private static SolverRequest Request(string script = Named) => new(script, TimeSpan.FromSeconds(10), ["x"], WantUnsatCore: true);

    /// <summary>check-sat answers in turn from <paramref name="verdicts"/> (the last repeats).</summary>
    private static Func<SList, string[]?> Answers(params string[] verdicts)
    {
        var checks = 0;
        return command => command.Head switch
        {
            "check-sat" => [verdicts[Math.Min(Interlocked.Increment(ref checks) - 1, verdicts.Length - 1)]],
            "get-unsat-core" => ["(a1)"],
            "get-info" => ["(:reason-unknown \"timeout\")"],
            _ => null,
        };
    }

    [Fact]
    public async Task The_first_form_is_named_with_cores_and_gives_its_core_at_once()
    {
        await using var fake = new FakePool(Answers("unsat"));

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Request());

        Assert.Equal(SolverStatus.Unsat, result.Status);
        Assert.Equal(["a1"], result.UnsatCore);
        var sent = string.Concat(Assert.Single(fake.Started).Sent);
        Assert.Single(sent.Split("(check-sat)"), p => p.Contains("(declare-const"));
        Assert.Contains("(set-option :produce-unsat-cores true)", sent);
        Assert.Contains(":named a1", sent);
        // Its own share of the limit: 10 s / 4.
        Assert.Contains("(set-option :timeout 2500)", sent);
    }

    [Fact]
    public async Task An_undecided_first_form_is_followed_by_the_plain_form_and_a_core_pass()
    {
        await using var fake = new FakePool(Answers("unknown", "unsat", "unsat"));

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Request());

        Assert.Equal(SolverStatus.Unsat, result.Status);
        Assert.Equal(["a1"], result.UnsatCore);
        var passes = string.Concat(Assert.Single(fake.Started).Sent).Split("(check-sat)");
        Assert.Contains(":named a1", passes[0]);
        Assert.DoesNotContain(":named", passes[1]);
        Assert.Contains("(set-option :produce-unsat-cores false)", passes[1]);
        Assert.Contains("(assert (> x 1.0))", passes[1]);
        Assert.Contains("(set-option :produce-unsat-cores true)", passes[2]);
        Assert.Contains(":named a1", passes[2]);
    }

    [Fact]
    public async Task A_core_pass_that_runs_out_of_time_keeps_the_unsat_answer_without_a_core()
    {
        await using var fake = new FakePool(Answers("unknown", "unsat", "unknown"));

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Request());

        Assert.Equal(SolverStatus.Unsat, result.Status);
        Assert.Null(result.UnsatCore);
    }

    [Fact]
    public async Task A_core_pass_that_contradicts_the_decision_is_an_error_not_a_verdict()
    {
        await using var fake = new FakePool(Answers("unknown", "unsat", "sat"));

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Request());

        Assert.Equal(SolverStatus.Error, result.Status);
        Assert.Contains("unsat, then sat", result.Reason);
    }

    [Fact]
    public async Task Without_a_core_every_assumption_counts_as_used_never_none()
    {
        var theorem = TheoremCompiler.Compile(new TheoremDocument { Id = "t", Assumptions = ["x > 1", "y > 2"], Statement = "x > 0" });
        var claim = theorem.Obligations.Single(o => o.Kind == ObligationKind.Claim);
        await using var fake = new FakePool(Answers("unknown", "unsat", "unknown"));

        var result = await new ObligationProver(fake.Pool).ProveAsync(claim, new ProofOptions { Strategy = Strategy.Z3 }, TimeSpan.FromSeconds(10));

        Assert.Equal(ObligationStatus.Proved, result.Status);
        Assert.Equal(claim.NamedAssumptions.Values.Distinct().Order(), result.AssumptionsUsed);
        Assert.NotEmpty(result.AssumptionsUsed);
    }

    [Fact]
    public async Task Real_z3_reports_the_core_after_deciding_without_names()
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await pool.SolveAsync(SolverKind.Z3, Request(Named + "(assert (! (> x 5.0) :named a2))\n"));

        Assert.Equal(SolverStatus.Unsat, result.Status);
        Assert.NotNull(result.UnsatCore);
        Assert.NotEmpty(result.UnsatCore);
        Assert.All(result.UnsatCore, n => Assert.Contains(n, new[] { "a1", "a2" }));
    }

    [Fact]
    public void The_core_pass_takes_a_few_times_the_decision_and_never_more_than_is_left()
    {
        var decision = TimeSpan.FromMilliseconds(100);
        Assert.Equal(GoalRunner.CoreBase + decision * GoalRunner.CoreFactor, GoalRunner.CoreBudget(decision, TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromMilliseconds(300), GoalRunner.CoreBudget(decision, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(GoalRunner.CoreBase + decision * GoalRunner.CoreFactor, GoalRunner.CoreBudget(decision, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void The_first_form_gets_a_quarter_of_the_limit_at_least_a_second_never_more_than_the_limit()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(2500), GoalRunner.FirstFormLimit(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(1), GoalRunner.FirstFormLimit(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), GoalRunner.FirstFormLimit(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void Only_top_level_plain_names_are_dropped_line_for_line()
    {
        var script = ScriptInspection.Inspect(
            "(declare-const x Real)\n(assert (! (> x 1.0) :named a1))\n(assert (! (> x 2.0) :named b :pattern (x)))\n(assert (and (! (> x 3.0) :named c) true))\n");

        Assert.Null(script.Problem);
        var lines = script.UnnamedText.Split('\n');
        Assert.Equal(script.Text.Split('\n').Length, lines.Length);
        Assert.Equal("(assert (> x 1.0))", lines[1]);
        // Anything else is printed as it was: a name with other attributes, a name inside a term.
        Assert.Equal(script.Text.Split('\n')[2], lines[2]);
        Assert.Equal(script.Text.Split('\n')[3], lines[3]);
    }

    [Fact]
    public async Task A_user_script_keeps_its_names_a_later_assertion_refers_to()
    {
        // Names are dropped only from the goals the service generates (which want a core); a user's script may
        // use a name as a term, and dropping it would make the solver reject, or misread, the script.
        await using var pool = new SolverPool(new SolverPoolOptions());
        var script = "(declare-const x Int)\n(assert (! (> x 0) :named p))\n(assert (not p))\n";

        var result = await pool.SolveAsync(SolverKind.Z3, new SolverRequest(script, TimeSpan.FromSeconds(10), ["x"], Isolated: true));

        Assert.Equal(SolverStatus.Unsat, result.Status);
    }
}

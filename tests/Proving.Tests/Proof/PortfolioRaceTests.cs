using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Smt;
using Hms.Proving.Solvers;
using Hms.Proving.Tests.Solvers;

namespace Hms.Proving.Tests.Proof;

/// <summary>
/// The portfolio race (issue 9): the first trustworthy answer ends it, and a model that needs confirmation is
/// confirmed in the slot of the solver that found it. Scripted processes inject the one fault that matters here,
/// a solver that never answers; everything else (pool, gate, goal runner, prover) is the real code.
/// </summary>
public sealed class PortfolioRaceTests
{
    // A user's SMT-LIB script: its models can only be confirmed by a solver with the values fixed.
    private static ScriptObligation Script() =>
        new("claim", "(declare-const x Real)\n(assert (> x 0))\n", new Dictionary<string, Sort> { ["x"] = Sort.Real });

    private static string[]? FastZ3(SList command) => command.Head switch
    {
        "check-sat" => ["sat"],
        "get-value" => ["((x 1.0))"],
        _ => null,
    };

    private static string[]? SilentCvc5(SList command) => command.Head == "check-sat" ? ScriptedSolverProcess.Hang : null;

    [Fact]
    public async Task A_model_needing_confirmation_is_confirmed_in_its_own_slot_and_the_race_ends_without_waiting_for_the_slow_solver()
    {
        var started = new List<ScriptedSolverProcess>();
        // One slot: z3 queues first and takes it; cvc5, a solver that never answers, waits behind it. Confirming z3's
        // model in a slot of its own would queue behind cvc5, which holds it forever (no time limit): the race would hang.
        await using var pool = new SolverPool(
            new SolverPoolOptions { MaxConcurrency = 1, ShortGoalSlots = 0, KillGrace = TimeSpan.FromMilliseconds(200) },
            kind =>
            {
                var process = new ScriptedSolverProcess(kind, kind == SolverKind.Z3 ? FastZ3 : SilentCvc5);
                lock (started) started.Add(process);
                return process;
            });
        // Only so that a regression fails instead of hanging the run; no assertion depends on time.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var result = await new ObligationProver(pool).ProveAsync(Script(), new ProofOptions(), Timeout.InfiniteTimeSpan, guard.Token);

        Assert.Equal(ObligationStatus.Disproved, result.Status);
        Assert.Equal("z3", result.Strategy);
        Assert.Equal(CounterexampleValidation.Solver, result.Counterexample!.Validation);
        lock (started)
        {
            // The confirmation went to z3 with the model's value fixed...
            Assert.Contains(started, p => p.Kind == SolverKind.Z3 && p.Sent.Any(t => t.Contains("(assert (= x 1.0))")));
            // ...and the race ended although cvc5 never answers: it got the slot only once z3 was done, and was
            // stopped when z3 won (for cvc5 an interrupt is a kill).
            Assert.All(started.Where(p => p.Kind == SolverKind.Cvc5), p => Assert.True(p.HasExited));
        }
        Assert.Equal(0, pool.Statistics.GoalsCancelled);
    }

    [Fact]
    public async Task An_exactly_validated_model_ends_the_race_and_stops_a_solver_that_would_never_answer()
    {
        var started = new List<ScriptedSolverProcess>();
        var theorem = Hms.Proving.Compiling.TheoremCompiler.Compile(new Hms.Proving.Documents.TheoremDocument { Id = "t", Statement = "x < 0" });
        var claim = theorem.Obligations.Single(o => o.Kind == ObligationKind.Claim);
        var symbol = claim.Symbols.Keys.Single();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // The fake z3 answers with the theorem's own symbol.
        await using var named = new SolverPool(
            new SolverPoolOptions { MaxConcurrency = 2, ShortGoalSlots = 0, KillGrace = TimeSpan.FromMilliseconds(200) },
            kind =>
            {
                var process = new ScriptedSolverProcess(kind, kind == SolverKind.Z3
                    ? c => c.Head == "get-value" ? [$"(({SSymbol.Quote(symbol)} 1))"] : FastZ3(c)
                    : SilentCvc5);
                lock (started) started.Add(process);
                return process;
            });

        var result = await new ObligationProver(named).ProveAsync(claim, new ProofOptions(), Timeout.InfiniteTimeSpan, guard.Token);

        Assert.Equal(ObligationStatus.Disproved, result.Status);
        Assert.Equal(CounterexampleValidation.Exact, result.Counterexample!.Validation);
        lock (started)
        {
            // cvc5 either never started or was interrupted (for cvc5 that is a kill); none is left running.
            Assert.All(started.Where(p => p.Kind == SolverKind.Cvc5), p => Assert.True(p.HasExited));
        }
    }
}

using System.Diagnostics;
using Hms.Proving.Numbers;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

[Collection(RealSolversCollection.Name)]
public class SolverPoolTests
{
    public static TheoryData<SolverKind> Kinds => [SolverKind.Z3, SolverKind.Cvc5];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Sat_comes_with_exact_model_values(SolverKind kind)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await pool.SolveAsync(kind, Goals.SatWithModel);

        Assert.Equal(SolverStatus.Sat, result.Status);
        Assert.Null(result.Reason);
        var model = result.Model!;
        Assert.Equal(new RationalModelValue(3), model["i"]);
        Assert.Equal(new RationalModelValue(Rational.Parse("1/2")), model["r"]);
        Assert.Equal(new RationalModelValue(Rational.Parse("-2/3")), model["q"]);
        Assert.Equal(new RationalModelValue(-7), model["n"]);
        Assert.Equal(new BoolModelValue(true), model["b"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Unsat_comes_with_the_names_in_the_core(SolverKind kind)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await pool.SolveAsync(kind, Goals.UnsatWithCore);

        Assert.Equal(SolverStatus.Unsat, result.Status);
        Assert.Null(result.Model);
        Assert.Contains("a1", result.UnsatCore!);
        Assert.Contains("a 2", result.UnsatCore!);
        Assert.Subset(new HashSet<string> { "a1", "a 2", "a3" }, result.UnsatCore!.ToHashSet());
    }

    [Fact]
    public async Task Z3_irrational_values_come_as_algebraic_numbers_with_a_decimal_approximation()
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await pool.SolveAsync(SolverKind.Z3, Goals.IrrationalRoot);
        var next = await pool.SolveAsync(SolverKind.Z3, Goals.SatWithModel);

        Assert.Equal(SolverStatus.Sat, result.Status);
        var x = Assert.IsType<AlgebraicModelValue>(result.Model!["x"]);
        Assert.StartsWith("-1.41421356237309504880", x.Decimal);
        Assert.Equal("(root-obj (+ (^ x 2) (- 2)) 1)", x.Exact);
        // pp.decimal was switched back off: the next goal on the same process still gets exact fractions.
        Assert.Equal(new RationalModelValue(Rational.Parse("-2/3")), next.Model!["q"]);
        Assert.Equal(1, pool.Statistics.GoalsOnWarmProcess);
    }

    [Theory]
    [InlineData(SolverKind.Z3, "z3 error: line 2 column")]
    [InlineData(SolverKind.Cvc5, "cvc5 error: Parse Error: line 2 column 12: Symbol y is not declared.")]
    public async Task Error_output_is_an_error_with_the_script_relative_position(SolverKind kind, string expected)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());
        // Earlier goals on the process push the solver's own line count far past the script's.
        await pool.SolveAsync(kind, Goals.Easy(1));

        var result = await pool.SolveAsync(kind, Goals.UndeclaredConstant);
        var next = await pool.SolveAsync(kind, Goals.Easy(2));

        Assert.Equal(SolverStatus.Error, result.Status);
        Assert.StartsWith(expected, result.Reason);
        Assert.Null(result.Model);
        Assert.Equal(SolverStatus.Sat, next.Status);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_goal_over_its_limit_is_unknown_and_the_solver_stops_itself(SolverKind kind)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await pool.SolveAsync(kind, Goals.Hard(TimeSpan.FromSeconds(1)));

        Assert.Equal(SolverStatus.Unknown, result.Status);
        Assert.Equal("timeout after 1 s", result.Reason);
        Assert.Equal(1, pool.Statistics.GoalsTimedOut);
        // The solver honoured its own soft limit, so its process stays in service.
        Assert.Equal(SolverStatus.Sat, (await pool.SolveAsync(kind, Goals.Easy(3))).Status);
        Assert.Equal(0, pool.Statistics.ProcessesKilled);
    }

    [Theory]
    [InlineData(SolverKind.Z3, "(set-option :timeout 4294967295)")]
    // cvc5's :tlimit-per is off the allow-list, so only z3 can be told to ignore its limit.
    public async Task A_solver_whose_soft_limit_was_lifted_is_killed_and_replaced(SolverKind kind, string liftLimit)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());
        var hard = Goals.Hard(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await pool.SolveAsync(kind, hard with { Script = liftLimit + "\n" + hard.Script, Isolated = true });

        Assert.Equal(SolverStatus.Unknown, result.Status);
        Assert.Equal("timeout after 1 s", result.Reason);
        // Only a lower bound holds at any load: the kill waits out the limit and its grace.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"killed after {clock.Elapsed}");
        Assert.Equal(1, pool.Statistics.ProcessesKilled);
        Assert.Equal(SolverStatus.Sat, (await pool.SolveAsync(kind, Goals.Easy(4))).Status);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_solver_killed_mid_goal_gives_a_non_decisive_answer_and_the_pool_recovers(SolverKind kind)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());
        var working = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.GoalStarted += (process, _) => working.TrySetResult(process.Id);

        var hard = pool.SolveAsync(kind, Goals.Hard(Goals.Generous));
        var pid = await working.Task;
        using (var victim = Process.GetProcessById(pid))
            victim.Kill();
        var result = await hard;

        Assert.Equal(SolverStatus.Unknown, result.Status);
        Assert.StartsWith("solver process died (exit code 137, signal 9", result.Reason);
        Assert.Equal(1, pool.Statistics.ProcessesDied);
        var after = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => pool.SolveAsync(kind, Goals.Easy(n))));
        Assert.All(after, r => Assert.Equal(SolverStatus.Sat, r.Status));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Cancellation_stops_a_running_goal_promptly(SolverKind kind)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.GoalStarted += (_, _) => working.TrySetResult();
        using var cancel = new CancellationTokenSource();

        var hard = pool.SolveAsync(kind, Goals.Hard(Goals.Generous), cancel.Token);
        await working.Task;
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hard);
        // Cancelled, not waited out: the goal's own limit is far away (a bound that holds at any load).
        Assert.True(clock.Elapsed < Goals.Generous / 2, $"took {clock.Elapsed}");
        Assert.Equal(1, pool.Statistics.ProcessesKilled);
        Assert.Equal(SolverStatus.Unsat, (await pool.SolveAsync(kind, Goals.EasyUnsat(1))).Status);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Running_out_of_memory_is_not_a_verdict(SolverKind kind)
    {
        await using var pool = new SolverPool(new SolverPoolOptions { MemoryLimitMb = 80 });

        var result = await pool.SolveAsync(kind, Goals.Pigeonhole(TimeSpan.FromSeconds(20)));

        Assert.False(result.IsDecisive, result.ToString());
        Assert.Matches("out of memory|died", result.Reason);
        Assert.Equal(SolverStatus.Sat, (await pool.SolveAsync(kind, Goals.Easy(5))).Status);
    }

    [Fact]
    public async Task An_isolated_scripts_options_do_not_reach_the_next_goal()
    {
        await using var pool = new SolverPool(new SolverPoolOptions { MaxConcurrency = 1 });
        var sat = Goals.SatWithModel;

        // z3 keeps options such as this seed across (reset); the process that ran it must not serve the next goal.
        var isolated = await pool.SolveAsync(SolverKind.Z3, sat with { Script = "(set-option :smt.random_seed 7)\n" + sat.Script, Isolated = true });
        var next = await pool.SolveAsync(SolverKind.Z3, sat);

        Assert.Equal(SolverStatus.Sat, isolated.Status);
        Assert.Equal(new RationalModelValue(Rational.Parse("-2/3")), next.Model!["q"]);
        Assert.Equal(2, pool.Statistics.ProcessesSpawned);
        Assert.Equal(1, pool.Statistics.ProcessesKilled);
    }

    [Fact]
    public async Task Waiting_goals_start_by_priority_then_in_arrival_order()
    {
        await using var pool = new SolverPool(new SolverPoolOptions { MaxConcurrency = 1 });
        var started = new List<SolverRequest>();
        var blockerRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.GoalStarted += (_, request) =>
        {
            lock (started) started.Add(request);
            blockerRunning.TrySetResult();
        };
        using var stopBlocker = new CancellationTokenSource();
        var blocker = pool.SolveAsync(SolverKind.Z3, Goals.Hard(Goals.Generous), stopBlocker.Token);
        await blockerRunning.Task;

        SolverRequest[] waiting =
        [
            Goals.Easy(1) with { Priority = 0 },
            Goals.Easy(2) with { Priority = 5 },
            Goals.Easy(3) with { Priority = 0 },
            Goals.Easy(4) with { Priority = 9 },
        ];
        var answers = waiting.Select(r => pool.SolveAsync(SolverKind.Z3, r)).ToList();
        Assert.Equal(4, pool.Statistics.Queued);
        await stopBlocker.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocker);
        await Task.WhenAll(answers);

        Assert.Equal([waiting[3], waiting[1], waiting[0], waiting[2]], started.Skip(1));
    }

    [Fact]
    public async Task Many_concurrent_goals_all_finish_on_a_few_warm_processes()
    {
        await using var pool = new SolverPool(new SolverPoolOptions { MaxConcurrency = 2 });

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(n =>
            pool.SolveAsync(n % 2 == 0 ? SolverKind.Z3 : SolverKind.Cvc5, n % 3 == 0 ? Goals.EasyUnsat(n) : Goals.Easy(n))));

        Assert.All(results.Select((r, n) => (r, n)), x =>
            Assert.Equal(x.n % 3 == 0 ? SolverStatus.Unsat : SolverStatus.Sat, x.r.Status));
        Assert.All(results.Where(r => r.Status == SolverStatus.Sat), r => Assert.IsType<RationalModelValue>(r.Model!["x"]));
        Assert.InRange(pool.Statistics.ProcessesSpawned, 2, 4);
        Assert.Equal(200, pool.Statistics.GoalsRun);
        Assert.Equal(0, pool.Statistics.Running);
    }

    [Fact]
    public async Task Versions_are_read_once()
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var z3 = pool.GetVersionAsync(SolverKind.Z3);
        var cvc5 = await pool.GetVersionAsync(SolverKind.Cvc5);

        Assert.Matches(@"^z3 \d+\.\d+\.\d+$", await z3);
        Assert.Matches(@"^cvc5 \d+\.\d+\.\d+$", cvc5);
        Assert.Same(z3, pool.GetVersionAsync(SolverKind.Z3));
    }

    [Fact]
    public async Task A_missing_solver_binary_is_an_error_result_not_a_crash()
    {
        await using var pool = new SolverPool(new SolverPoolOptions { Z3Path = "/nonexistent/z3", MemoryLimitMb = 0 });

        var result = await pool.SolveAsync(SolverKind.Z3, Goals.Easy(1));

        Assert.Equal(SolverStatus.Error, result.Status);
        Assert.StartsWith("could not start z3 (/nonexistent/z3)", result.Reason);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pool.GetVersionAsync(SolverKind.Z3));
    }
}

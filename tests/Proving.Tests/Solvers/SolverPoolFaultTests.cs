using System.Diagnostics;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>Failure handling, driven by scripted processes so each fault happens exactly when wanted.</summary>
[Collection(RealSolversCollection.Name)]
public class SolverPoolFaultTests
{
    private static readonly SolverRequest Goal = new("(declare-const x Int)(assert (> x 0))", TimeSpan.FromSeconds(5), ["x"]);

    [Fact]
    public async Task A_solver_that_ignores_its_soft_limit_is_killed_at_timeout_plus_grace()
    {
        await using var fake = new FakePool(c => c.Head == "check-sat" ? ScriptedSolverProcess.Hang : null);
        var clock = Stopwatch.StartNew();

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Goal with { Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(SolverStatus.Unknown, result.Status);
        Assert.Equal("timeout after 0.3 s", result.Reason);
        // Not before its limit (a lower bound holds at any load; an upper bound in wall-clock time would not).
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"killed after {clock.Elapsed}");
        Assert.True(Assert.Single(fake.Started).WasKilled);
        Assert.Equal(1, fake.Pool.Statistics.GoalsTimedOut);
        Assert.Equal(1, fake.Pool.Statistics.ProcessesKilled);
    }

    [Fact]
    public async Task A_process_dying_mid_goal_gives_unknown_and_the_next_goal_gets_a_fresh_process()
    {
        var calls = 0;
        await using var fake = new FakePool(c => c.Head == "check-sat"
            ? Interlocked.Increment(ref calls) == 1 ? ScriptedSolverProcess.Die : ["sat"]
            : FakePool.Answering("sat")(c));

        var died = await fake.Pool.SolveAsync(SolverKind.Cvc5, Goal);
        var next = await fake.Pool.SolveAsync(SolverKind.Cvc5, Goal);

        Assert.Equal(SolverStatus.Unknown, died.Status);
        Assert.Equal("solver process died (exit code 1)", died.Reason);
        Assert.Equal(SolverStatus.Sat, next.Status);
        Assert.Equal(2, fake.Started.Count);
        Assert.Equal(1, fake.Pool.Statistics.ProcessesDied);
    }

    [Fact]
    public async Task An_error_printed_before_dying_is_reported_as_the_error()
    {
        await using var dying = new FakePool(c => c.Head switch
        {
            "assert" => ["(error \"out of memory\")"],
            "check-sat" => ScriptedSolverProcess.Die,
            _ => null,
        });

        var result = await dying.Pool.SolveAsync(SolverKind.Z3, Goal);

        Assert.Equal(SolverStatus.Error, result.Status);
        Assert.Equal("z3 error: out of memory", result.Reason);
        Assert.Equal(1, dying.Pool.Statistics.ProcessesDied);
    }

    [Fact]
    public async Task A_warm_process_that_died_while_idle_is_replaced_without_failing_the_goal()
    {
        await using var fake = new FakePool(FakePool.Answering("unsat"));
        Assert.Equal(SolverStatus.Unsat, (await fake.Pool.SolveAsync(SolverKind.Z3, Goal)).Status);
        var warm = Assert.Single(fake.Started);

        warm.Crash();
        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Goal);

        Assert.Equal(SolverStatus.Unsat, result.Status);
        Assert.Equal(2, fake.Started.Count);
    }

    [Fact]
    public async Task An_error_line_beats_the_verdict_z3_prints_after_it()
    {
        await using var fake = new FakePool(c => c.Head == "check-sat" ? ["(error \"line 3 column 5: unknown constant y\")", "sat"] : null);

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Goal);

        Assert.Equal(SolverStatus.Error, result.Status);
        Assert.StartsWith("z3 error: ", result.Reason);
        Assert.Null(result.Model);
        // A process that reported an error is not trusted with another goal.
        Assert.Equal(0, fake.Pool.IdleCount(SolverKind.Z3));
    }

    [Fact]
    public async Task Garbage_instead_of_a_verdict_is_an_error()
    {
        await using var fake = new FakePool(c => c.Head == "check-sat" ? ["WARNING: confused", "maybe"] : null);

        var result = await fake.Pool.SolveAsync(SolverKind.Cvc5, Goal);

        Assert.Equal(SolverStatus.Error, result.Status);
        Assert.Equal("unexpected cvc5 output: WARNING: confused maybe", result.Reason);
    }

    [Fact]
    public async Task Unsupported_commands_make_the_answer_unknown()
    {
        await using var fake = new FakePool(c => c.Head == "check-sat" ? ["unsupported", "sat"] : null);

        var result = await fake.Pool.SolveAsync(SolverKind.Cvc5, Goal);

        Assert.Equal(SolverStatus.Unknown, result.Status);
        Assert.Contains("unsupported", result.Reason);
    }

    [Fact]
    public async Task Cancelling_a_running_goal_kills_its_process_and_throws()
    {
        await using var fake = new FakePool(c => c.Head == "check-sat" ? ScriptedSolverProcess.Hang : null);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Pool.GoalStarted += (_, _) => started.TrySetResult();

        var running = fake.Pool.SolveAsync(SolverKind.Z3, Goal with { Timeout = Timeout.InfiniteTimeSpan }, cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(Assert.Single(fake.Started).WasKilled);
        Assert.Equal(1, fake.Pool.Statistics.GoalsCancelled);
        Assert.Equal(0, fake.Pool.Statistics.Running);
    }

    [Fact]
    public async Task A_full_queue_throws_SolverQueueFullException()
    {
        var options = new SolverPoolOptions { MaxConcurrency = 1, MaxQueueLength = 1 };
        await using var fake = new FakePool(c => c.Head == "check-sat" ? ScriptedSolverProcess.Hang : null, options);
        using var cancel = new CancellationTokenSource();
        var running = fake.Pool.SolveAsync(SolverKind.Z3, Goal, cancel.Token);
        var queued = fake.Pool.SolveAsync(SolverKind.Z3, Goal, cancel.Token);

        await Assert.ThrowsAsync<SolverQueueFullException>(() => fake.Pool.SolveAsync(SolverKind.Z3, Goal));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
    }

    [Fact]
    public async Task Model_values_are_keyed_by_the_requested_names_in_order()
    {
        await using var fake = new FakePool(c => c.Head switch
        {
            "check-sat" => ["sat"],
            "get-value" => ["((|a b| (- 2))", " (c true))"],
            _ => null,
        });

        var result = await fake.Pool.SolveAsync(SolverKind.Z3, Goal with { ModelVariables = ["a b", "c"] });

        Assert.Equal(SolverStatus.Sat, result.Status);
        Assert.Equal(new RationalModelValue(-2), result.Model!["a b"]);
        Assert.Equal(new BoolModelValue(true), result.Model["c"]);
        Assert.Contains("(get-value (|a b| c))", string.Concat(fake.Started[0].Sent));
    }

    [Fact]
    public async Task Refused_scripts_and_unspellable_names_never_reach_a_process()
    {
        await using var fake = new FakePool(FakePool.Answering("sat"));

        var checkSat = await fake.Pool.SolveAsync(SolverKind.Z3, Goal with { Script = "(assert true)(check-sat)" });
        var badName = await fake.Pool.SolveAsync(SolverKind.Z3, Goal with { ModelVariables = ["a|b"] });

        Assert.Equal(SolverStatus.Error, checkSat.Status);
        Assert.Contains("(check-sat ...) is not allowed", checkSat.Reason);
        Assert.Equal(SolverStatus.Error, badName.Status);
        Assert.StartsWith("model variable: 'a|b' cannot be written", badName.Reason);
        Assert.Empty(fake.Started);
    }

    [Fact]
    public async Task Isolated_and_option_setting_goals_discard_their_process()
    {
        await using var fake = new FakePool(FakePool.Answering("unsat"));

        await fake.Pool.SolveAsync(SolverKind.Z3, Goal with { Isolated = true });
        await fake.Pool.SolveAsync(SolverKind.Z3, Goal with { Script = "(set-option :smt.random_seed 7)" + Goal.Script });
        await fake.Pool.SolveAsync(SolverKind.Z3, Goal);
        await fake.Pool.SolveAsync(SolverKind.Z3, Goal);

        Assert.Equal(3, fake.Started.Count);
        Assert.True(fake.Started[0].WasKilled);
        Assert.True(fake.Started[1].WasKilled);
        Assert.Equal(1, fake.Pool.Statistics.GoalsOnWarmProcess);
    }

    [Fact]
    public async Task Disposing_the_pool_stops_running_and_waiting_goals()
    {
        var fake = new FakePool(c => c.Head == "check-sat" ? ScriptedSolverProcess.Hang : null,
            new SolverPoolOptions { MaxConcurrency = 1 });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Pool.GoalStarted += (_, _) => started.TrySetResult();
        var running = fake.Pool.SolveAsync(SolverKind.Z3, Goal);
        var waiting = fake.Pool.SolveAsync(SolverKind.Z3, Goal);
        await started.Task;

        await fake.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => running);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => fake.Pool.SolveAsync(SolverKind.Z3, Goal));
        Assert.True(Assert.Single(fake.Started).WasKilled);
    }
}

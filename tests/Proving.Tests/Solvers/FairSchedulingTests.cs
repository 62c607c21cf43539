using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>
/// Issue 7, finding 8: one client cannot stall the others. Scripted processes stand in for the solvers: a goal
/// declaring <c>hang</c> runs until it is cancelled, every other goal answers unsat at once, so each ordering
/// below is decided by the pool alone.
/// </summary>
public sealed class FairSchedulingTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(5);

    private static SolverRequest Hanging(string owner, TimeSpan timeout) =>
        new("(declare-const hang Int)(assert (> hang 0))", timeout, [], Owner: owner);

    private static SolverRequest Quick(string owner, string name, int priority = 0) =>
        new($"(declare-const {name} Int)(assert (> {name} 0))", Short, [], Priority: priority, Owner: owner);

    /// <summary>A pool of scripted processes; each process hangs on check-sat when its goal declared <c>hang</c>.</summary>
    private static SolverPool Pool(SolverPoolOptions options) => new(options, kind =>
    {
        var hang = false;
        return new ScriptedSolverProcess(kind, command =>
        {
            switch (command)
            {
                case { Items: [SSymbol { Name: "declare-const" }, SSymbol { Name: "hang" }, ..] }:
                    hang = true;
                    return null;
                case { Head: "reset" }:
                    hang = false;
                    return null;
                case { Head: "check-sat" }:
                    return hang ? ScriptedSolverProcess.Hang : ["unsat"];
                default:
                    return null;
            }
        });
    });

    /// <summary>Names the goals in the order the pool started them.</summary>
    private static List<string> RecordStarts(SolverPool pool)
    {
        var order = new List<string>();
        pool.GoalStarted += (_, request) =>
        {
            lock (order) order.Add(request.Script.Split(' ', ')')[1]);
        };
        return order;
    }

    [Fact]
    public async Task A_short_goal_queued_behind_long_ones_gets_a_slot_before_they_finish()
    {
        await using var pool = Pool(new SolverPoolOptions { MaxConcurrency = 2, ShortGoalSlots = 1 });
        using var stop = new CancellationTokenSource();
        var longGoals = Enumerable.Range(0, 4).Select(_ => pool.SolveAsync(SolverKind.Z3, Hanging("heavy", Long), stop.Token)).ToList();

        var trivial = await pool.SolveAsync(SolverKind.Z3, Quick("light", "q"));

        Assert.Equal(SolverStatus.Unsat, trivial.Status);
        Assert.All(longGoals, g => Assert.False(g.IsCompleted));
        // One long goal runs; the lane kept the second slot for short goals, so three long ones still wait.
        Assert.Equal(1, pool.Statistics.Running);
        Assert.Equal(3, pool.Statistics.Queued);
        await stop.CancelAsync();
        foreach (var g in longGoals) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => g);
    }

    [Fact]
    public async Task A_short_goal_of_the_same_owner_uses_the_lane_too_and_a_goal_without_limit_is_long()
    {
        await using var pool = Pool(new SolverPoolOptions { MaxConcurrency = 2, ShortGoalSlots = 1 });
        using var stop = new CancellationTokenSource();
        var unlimited = Enumerable.Range(0, 2).Select(_ => pool.SolveAsync(SolverKind.Cvc5, Hanging("one", Timeout.InfiniteTimeSpan), stop.Token)).ToList();

        var trivial = await pool.SolveAsync(SolverKind.Cvc5, Quick("one", "q"));

        Assert.Equal(SolverStatus.Unsat, trivial.Status);
        Assert.Equal(1, pool.Statistics.Queued);
        await stop.CancelAsync();
        foreach (var g in unlimited) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => g);
    }

    [Fact]
    public async Task Two_owners_share_the_slots_round_robin()
    {
        await using var pool = Pool(new SolverPoolOptions { MaxConcurrency = 1, ShortGoalSlots = 0 });
        var order = RecordStarts(pool);
        using var stop = new CancellationTokenSource();
        var blocker = pool.SolveAsync(SolverKind.Z3, Hanging("first", Short), stop.Token);
        // All of a's goals are queued before any of b's.
        var queued = new[] { ("a", "a1"), ("a", "a2"), ("a", "a3"), ("b", "b1"), ("b", "b2"), ("b", "b3") }
            .Select(g => pool.SolveAsync(SolverKind.Z3, Quick(g.Item1, g.Item2)))
            .ToList();

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocker);
        await Task.WhenAll(queued);

        Assert.Equal(["hang", "a1", "b1", "a2", "b2", "a3", "b3"], order);
    }

    [Fact]
    public async Task Priorities_are_clamped_to_the_configured_range()
    {
        await using var pool = Pool(new SolverPoolOptions { MaxConcurrency = 1, ShortGoalSlots = 0, MinPriority = -3, MaxPriority = 3 });
        var order = RecordStarts(pool);
        using var stop = new CancellationTokenSource();
        var blocker = pool.SolveAsync(SolverKind.Z3, Hanging("o", Short), stop.Token);
        // Asking for int.MaxValue buys no more than the maximum: among equals the earlier goal goes first.
        var queued = new[] { ("modest", 3), ("greedy", int.MaxValue), ("meek", int.MinValue), ("low", -3) }
            .Select(g => pool.SolveAsync(SolverKind.Z3, Quick("o", g.Item1, g.Item2)))
            .ToList();

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocker);
        await Task.WhenAll(queued);

        Assert.Equal(["hang", "modest", "greedy", "meek", "low"], order);
        Assert.Equal(3, pool.TicketFor(Quick("o", "x", int.MaxValue)).Priority);
        Assert.Equal(-3, pool.TicketFor(Quick("o", "x", int.MinValue)).Priority);
    }

    [Theory]
    [InlineData(5, 4, 2, 10, 0)]   // MinPriority above MaxPriority
    [InlineData(0, 0, 3, 10, 0)]   // more lane slots than slots
    [InlineData(0, 0, -1, 10, 0)]
    [InlineData(0, 0, 0, -1, 0)]
    public void Settings_the_scheduler_cannot_work_with_are_refused(int min, int max, int lane, int shortSeconds, int unused)
    {
        _ = unused;
        var options = new SolverPoolOptions
        {
            MaxConcurrency = 2, MinPriority = min, MaxPriority = max, ShortGoalSlots = lane, ShortGoalTimeout = TimeSpan.FromSeconds(shortSeconds),
        };

        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SolverPool(options));
    }
}

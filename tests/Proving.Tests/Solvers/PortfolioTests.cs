using System.Diagnostics;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

[Collection(RealSolversCollection.Name)]
public class PortfolioTests
{
    [Fact]
    public async Task The_first_decisive_answer_wins_and_the_other_solver_is_stopped()
    {
        await using var pool = new SolverPool(new SolverPoolOptions());
        var clock = Stopwatch.StartNew();

        // z3 finds x = -sqrt(2) at once; cvc5 1.0.3 would search until its 30 s limit.
        var result = await new Portfolio(pool).SolveAsync(Strategy.Portfolio, Goals.IrrationalRoot);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(SolverKind.Z3, result.Winner.Solver);
        Assert.Equal(SolverStatus.Sat, result.Winner.Status);
        Assert.Equal([SolverKind.Z3, SolverKind.Cvc5], result.All.Select(r => r.Solver));
        Assert.Equal("cancelled: the other solver answered first", result.All[1].Reason);
        Assert.Equal(1, pool.Statistics.ProcessesKilled);
        Assert.Equal(0, pool.Statistics.Running);
    }

    [Fact]
    public async Task When_neither_decides_the_reasons_of_both_are_combined()
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await new Portfolio(pool).SolveAsync(Strategy.Portfolio, Goals.Hard(TimeSpan.FromSeconds(1)));

        Assert.Equal(SolverStatus.Unknown, result.Winner.Status);
        Assert.Equal("z3: timeout after 1 s; cvc5: timeout after 1 s", result.Winner.Reason);
        Assert.Equal(2, result.All.Count);
    }

    [Theory]
    [InlineData(Strategy.Z3, SolverKind.Z3)]
    [InlineData(Strategy.Cvc5, SolverKind.Cvc5)]
    public async Task A_single_solver_strategy_runs_only_that_solver(Strategy strategy, SolverKind expected)
    {
        await using var pool = new SolverPool(new SolverPoolOptions());

        var result = await new Portfolio(pool).SolveAsync(strategy, Goals.UnsatWithCore);

        Assert.Equal(SolverStatus.Unsat, result.Winner.Status);
        Assert.Equal(expected, Assert.Single(result.All).Solver);
        Assert.Equal(1, pool.Statistics.ProcessesSpawned);
    }

    [Fact]
    public async Task Cancelling_a_portfolio_stops_both_solvers()
    {
        await using var pool = new SolverPool(new SolverPoolOptions());
        var working = 0;
        var bothWorking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.GoalStarted += (_, _) =>
        {
            if (Interlocked.Increment(ref working) == 2) bothWorking.TrySetResult();
        };
        using var cancel = new CancellationTokenSource();

        var race = new Portfolio(pool).SolveAsync(Strategy.Portfolio, Goals.Hard(Goals.Generous), cancel.Token);
        await bothWorking.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => race);
        Assert.Equal(2, pool.Statistics.ProcessesKilled);
        Assert.Equal(0, pool.Statistics.Running);
    }
}

using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class PriorityGateTests
{
    [Fact]
    public async Task Waiters_are_served_by_priority_then_in_arrival_order()
    {
        using var gate = new PriorityGate(maxConcurrency: 1, maxQueueLength: 10);
        var first = await gate.EnterAsync(0, CancellationToken.None);
        var order = new List<string>();
        var waiting = new[] { ("low-1", 0), ("high", 5), ("low-2", 0), ("top", 9), ("high-2", 5) }
            .Select(w => Take(gate, w.Item2, w.Item1, order))
            .ToList();

        first.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal(["top", "high", "high-2", "low-1", "low-2"], order);
    }

    [Fact]
    public async Task A_full_queue_throws_and_a_freed_place_admits_again()
    {
        using var gate = new PriorityGate(maxConcurrency: 1, maxQueueLength: 1);
        var running = await gate.EnterAsync(0, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var queued = gate.EnterAsync(0, cancel.Token);

        // Thrown synchronously, before any waiting: the caller learns at once that it must shed load.
        Assert.Throws<SolverQueueFullException>(() => { _ = gate.EnterAsync(0, CancellationToken.None); });

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        var admitted = gate.EnterAsync(0, CancellationToken.None);
        running.Dispose();
        (await admitted).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_is_skipped_and_does_not_leak_its_slot()
    {
        var counts = new List<(int Running, int Waiting)>();
        using var gate = new PriorityGate(1, 10, (r, w) => counts.Add((r, w)));
        var running = await gate.EnterAsync(0, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = gate.EnterAsync(9, cancel.Token);
        var patient = gate.EnterAsync(0, CancellationToken.None);

        await cancel.CancelAsync();
        running.Dispose();
        var lease = await patient;

        Assert.True(abandoned.IsCanceled);
        Assert.Equal((1, 0), counts[^1]);
        lease.Dispose();
        lease.Dispose();
        Assert.Equal((0, 0), counts[^1]);
    }

    [Fact]
    public async Task Disposing_fails_the_waiters()
    {
        var gate = new PriorityGate(1, 10);
        using var running = await gate.EnterAsync(0, CancellationToken.None);
        var waiting = gate.EnterAsync(0, CancellationToken.None);

        gate.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }

    private static async Task Take(PriorityGate gate, int priority, string name, List<string> order)
    {
        using var lease = await gate.EnterAsync(priority, CancellationToken.None);
        lock (order) order.Add(name);
    }
}

public class FairGateTests
{
    [Fact]
    public async Task Owners_take_turns_and_priority_orders_each_owner_own_goals()
    {
        using var gate = new PriorityGate(maxConcurrency: 1, maxQueueLength: 10);
        var first = await gate.EnterAsync(new GateTicket("x", 0, true), CancellationToken.None);
        var order = new List<string>();
        var waiting = new[] { ("a", "a-low", 0), ("a", "a-high", 5), ("a", "a-mid", 1), ("b", "b-1", 0), ("b", "b-2", 0), ("c", "c-1", 9) }
            .Select(w => Take(gate, new GateTicket(w.Item1, w.Item3, true), w.Item2, order))
            .ToList();

        first.Dispose();
        await Task.WhenAll(waiting);

        // Turns go round the owners (first come, first served among the never served); c's priority 9 buys no turn
        // ahead of the others, while within a, higher priority goes first.
        Assert.Equal(["a-high", "b-1", "c-1", "a-mid", "b-2", "a-low"], order);
    }

    [Fact]
    public async Task Long_goals_leave_the_lane_free_for_short_ones()
    {
        using var gate = new PriorityGate(maxConcurrency: 2, maxQueueLength: 10, shortLaneSlots: 1);
        var longOne = await gate.EnterAsync(new GateTicket("heavy", 0, Short: false), CancellationToken.None);
        var longTwo = gate.EnterAsync(new GateTicket("heavy", 0, Short: false), CancellationToken.None);

        var shortOne = gate.EnterAsync(new GateTicket("light", 0, Short: true), CancellationToken.None);

        Assert.True(shortOne.IsCompletedSuccessfully);
        Assert.False(longTwo.IsCompleted);
        (await shortOne).Dispose();
        Assert.False(longTwo.IsCompleted);
        longOne.Dispose();
        (await longTwo).Dispose();
    }

    [Fact]
    public async Task Without_short_goals_waiting_a_long_goal_still_cannot_take_the_lane()
    {
        var counts = new List<(int Running, int Waiting)>();
        using var gate = new PriorityGate(2, 10, (r, w) => counts.Add((r, w)), shortLaneSlots: 1);
        using var running = await gate.EnterAsync(new GateTicket("a", 0, Short: false), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(new GateTicket("b", 0, Short: false), cancel.Token);

        Assert.Equal((1, 1), counts[^1]);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((1, 0), counts[^1]);
    }

    private static async Task Take(PriorityGate gate, GateTicket ticket, string name, List<string> order)
    {
        using var lease = await gate.EnterAsync(ticket, CancellationToken.None);
        lock (order) order.Add(name);
    }
}

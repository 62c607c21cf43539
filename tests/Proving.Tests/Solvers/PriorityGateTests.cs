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

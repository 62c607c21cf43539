namespace Hms.Proving.Solvers;

/// <summary>
/// An async semaphore that shares its slots fairly, with a bounded wait queue. When a slot frees, the owner
/// with the fewest goals running is served next (round robin among equals), so one client's many or long
/// goals cannot starve another's; within an owner, higher priority first, then FIFO (priority never puts one
/// owner before another). Some slots form a
/// short-goal lane: long goals may not take them, so a short goal never waits for long ones to finish.
/// Nobody blocks a thread: waiters hold a task that completes when a slot is handed to them.
/// </summary>
internal sealed class PriorityGate : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, OwnerQueue> _owners = new(StringComparer.Ordinal);
    private readonly int _maxConcurrency;
    private readonly int _maxLong;
    private readonly int _maxQueueLength;
    private readonly Action<int, int>? _onChange;
    private int _running;
    private int _runningLong;
    private int _waiting;
    private long _sequence;
    private long _turn;
    private bool _disposed;

    /// <param name="shortLaneSlots">Slots only short goals may use; at least one slot always stays open to long goals.</param>
    /// <param name="onChange">Told (running, waiting) after every change, for statistics.</param>
    public PriorityGate(int maxConcurrency, int maxQueueLength, Action<int, int>? onChange = null, int shortLaneSlots = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueueLength);
        ArgumentOutOfRangeException.ThrowIfNegative(shortLaneSlots);
        _maxConcurrency = maxConcurrency;
        _maxLong = Math.Max(1, maxConcurrency - shortLaneSlots);
        _maxQueueLength = maxQueueLength;
        _onChange = onChange;
    }

    /// <summary>A goal of nobody in particular that may use any slot (the gate without owners or lanes).</summary>
    public Task<IDisposable> EnterAsync(int priority, CancellationToken cancellationToken) =>
        EnterAsync(new GateTicket("", priority, Short: true), cancellationToken);

    /// <summary>
    /// Waits for a slot; dispose the returned lease to give it back. The wait is queued before this method
    /// first yields, so calls made in order queue in order.
    /// </summary>
    /// <exception cref="SolverQueueFullException">the wait queue is full.</exception>
    /// <exception cref="OperationCanceledException">cancelled while waiting.</exception>
    public Task<IDisposable> EnterAsync(GateTicket ticket, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<IDisposable>(cancellationToken);
        var waiter = new Waiter(ticket with { Owner = ticket.Owner ?? "" });
        List<Waiter> admitted;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_waiting >= _maxQueueLength && !CanRun(waiter.Ticket))
                throw new SolverQueueFullException(_maxQueueLength);
            OwnerOf(waiter.Ticket.Owner).Enqueue(waiter, _sequence++);
            _waiting++;
            admitted = Dispatch();
            Changed();
        }
        Hand(admitted);
        if (!waiter.Completion.Task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => Abandon(waiter, cancellationToken));
            lock (_lock)
            {
                // A slot may have been handed over before the registration existed; then nobody else disposes it.
                if (waiter.Settled) registration.Dispose();
                else waiter.Registration = registration;
            }
        }
        return waiter.Completion.Task;
    }

    /// <summary>Fails every waiter; leases already handed out stay valid until released.</summary>
    public void Dispose()
    {
        List<Waiter> abandoned = [];
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var owner in _owners.Values)
            {
                foreach (var waiter in owner.Drain())
                {
                    if (waiter.Settled) continue;
                    waiter.Settled = true;
                    abandoned.Add(waiter);
                }
            }
            _waiting = 0;
            Changed();
        }
        foreach (var waiter in abandoned)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetException(new ObjectDisposedException(nameof(SolverPool)));
        }
    }

    private bool CanRun(GateTicket ticket) => _running < _maxConcurrency && (ticket.Short || _runningLong < _maxLong);

    private OwnerQueue OwnerOf(string owner)
    {
        if (!_owners.TryGetValue(owner, out var queue)) _owners[owner] = queue = new OwnerQueue();
        return queue;
    }

    /// <summary>Hands free slots to waiters while any can use one; the caller completes them outside the lock.</summary>
    private List<Waiter> Dispatch()
    {
        var admitted = new List<Waiter>();
        while (_running < _maxConcurrency && !_disposed)
        {
            var longAllowed = _runningLong < _maxLong;
            OwnerQueue? best = null;
            Waiter? chosen = null;
            foreach (var owner in _owners.Values)
            {
                if (owner.Peek(longAllowed) is not { } candidate) continue;
                if (chosen is null || Before(owner, candidate, best!, chosen))
                {
                    best = owner;
                    chosen = candidate;
                }
            }
            if (chosen is null) break;
            best!.Remove(chosen);
            chosen.Settled = true;
            _waiting--;
            _running++;
            if (!chosen.Ticket.Short) _runningLong++;
            best.Running++;
            best.LastServed = ++_turn;
            admitted.Add(chosen);
        }
        return admitted;
    }

    /// <summary>
    /// Fewest running first, then whoever was served longest ago, then arrival. Priority is the client's own
    /// choice, so it orders only that owner's goals (in <see cref="OwnerQueue.Peek"/>), never one owner before another.
    /// </summary>
    private static bool Before(OwnerQueue a, Waiter x, OwnerQueue b, Waiter y)
    {
        if (a.Running != b.Running) return a.Running < b.Running;
        if (a.LastServed != b.LastServed) return a.LastServed < b.LastServed;
        return x.Sequence < y.Sequence;
    }

    private void Hand(List<Waiter> admitted)
    {
        foreach (var waiter in admitted)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(new Lease(this, waiter.Ticket));
        }
    }

    private void Abandon(Waiter waiter, CancellationToken cancellationToken)
    {
        List<Waiter> admitted;
        lock (_lock)
        {
            if (waiter.Settled) return;
            waiter.Settled = true;
            _waiting--;
            var owner = _owners[waiter.Ticket.Owner];
            owner.Remove(waiter);
            Forget(waiter.Ticket.Owner, owner);
            // A long waiter that left may have been what kept a short one from a free lane slot: nothing else changes.
            admitted = Dispatch();
            Changed();
        }
        waiter.Completion.TrySetCanceled(cancellationToken);
        Hand(admitted);
    }

    private void Release(GateTicket ticket)
    {
        List<Waiter> admitted;
        lock (_lock)
        {
            _running--;
            if (!ticket.Short) _runningLong--;
            var owner = _owners[ticket.Owner];
            owner.Running--;
            Forget(ticket.Owner, owner);
            // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
            admitted = Dispatch();
            Changed();
        }
        Hand(admitted);
    }

    private void Forget(string name, OwnerQueue owner)
    {
        if (owner.IsIdle) _owners.Remove(name);
    }

    private void Changed() => _onChange?.Invoke(_running, _waiting);

    /// <summary>One owner's waiting goals (short and long apart, so a free lane slot finds a short one at once) and its running count.</summary>
    private sealed class OwnerQueue
    {
        private readonly SortedSet<Waiter> _short = new(WaiterOrder.Instance);
        private readonly SortedSet<Waiter> _long = new(WaiterOrder.Instance);

        public int Running { get; set; }

        /// <summary>The turn at which this owner was last given a slot (0: never).</summary>
        public long LastServed { get; set; }

        public bool IsIdle => Running == 0 && _short.Count == 0 && _long.Count == 0;

        public void Enqueue(Waiter waiter, long sequence)
        {
            waiter.Sequence = sequence;
            (waiter.Ticket.Short ? _short : _long).Add(waiter);
        }

        public void Remove(Waiter waiter) => (waiter.Ticket.Short ? _short : _long).Remove(waiter);

        public Waiter? Peek(bool longAllowed)
        {
            var s = _short.Count > 0 ? _short.Min : null;
            var l = longAllowed && _long.Count > 0 ? _long.Min : null;
            if (s is null) return l;
            if (l is null) return s;
            return WaiterOrder.Instance.Compare(s, l) <= 0 ? s : l;
        }

        public IEnumerable<Waiter> Drain()
        {
            var all = _short.Concat(_long).ToList();
            _short.Clear();
            _long.Clear();
            return all;
        }
    }

    private sealed class Waiter(GateTicket ticket)
    {
        public GateTicket Ticket { get; } = ticket;
        public long Sequence { get; set; }

        // Continuations run on the thread pool, never inside Release's caller.
        public TaskCompletionSource<IDisposable> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenRegistration Registration { get; set; }
        public bool Settled { get; set; }
    }

    private sealed class Lease(PriorityGate gate, GateTicket ticket) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release(ticket);
        }
    }

    /// <summary>Higher priority first, then arrival (sequence numbers are unique, so no two waiters compare equal).</summary>
    private sealed class WaiterOrder : IComparer<Waiter>
    {
        public static readonly WaiterOrder Instance = new();

        public int Compare(Waiter? x, Waiter? y) =>
            x!.Ticket.Priority != y!.Ticket.Priority ? y.Ticket.Priority.CompareTo(x.Ticket.Priority) : x.Sequence.CompareTo(y.Sequence);
    }
}

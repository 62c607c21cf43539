namespace Hms.Proving.Solvers;

/// <summary>
/// An async semaphore whose waiters are served by priority (higher first), FIFO among equals, with a bounded
/// wait queue. Nobody blocks a thread: waiters hold a task that completes when a slot is handed to them.
/// </summary>
internal sealed class PriorityGate : IDisposable
{
    private readonly object _lock = new();
    private readonly PriorityQueue<Waiter, (int Priority, long Sequence)> _queue = new(WaiterOrder.Instance);
    private readonly int _maxConcurrency;
    private readonly int _maxQueueLength;
    private readonly Action<int, int>? _onChange;
    private int _running;
    private int _waiting;
    private long _sequence;
    private bool _disposed;

    /// <param name="onChange">Told (running, waiting) after every change, for statistics.</param>
    public PriorityGate(int maxConcurrency, int maxQueueLength, Action<int, int>? onChange = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueueLength);
        _maxConcurrency = maxConcurrency;
        _maxQueueLength = maxQueueLength;
        _onChange = onChange;
    }

    /// <summary>
    /// Waits for a slot; dispose the returned lease to give it back. The wait is queued before this method
    /// first yields, so calls made in order queue in order.
    /// </summary>
    /// <exception cref="SolverQueueFullException">the wait queue is full.</exception>
    /// <exception cref="OperationCanceledException">cancelled while waiting.</exception>
    public Task<IDisposable> EnterAsync(int priority, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<IDisposable>(cancellationToken);
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running < _maxConcurrency && _waiting == 0)
            {
                _running++;
                Changed();
                return Task.FromResult<IDisposable>(new Lease(this));
            }
            if (_waiting >= _maxQueueLength)
                throw new SolverQueueFullException(_maxQueueLength);
            waiter = new Waiter();
            _queue.Enqueue(waiter, (priority, _sequence++));
            _waiting++;
            Changed();
        }
        if (cancellationToken.CanBeCanceled)
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
        List<Waiter> abandoned;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            abandoned = [];
            while (_queue.TryDequeue(out var waiter, out _))
            {
                if (waiter.Settled) continue;
                waiter.Settled = true;
                abandoned.Add(waiter);
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

    private void Abandon(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Settled) return;
            waiter.Settled = true;
            _waiting--;
            Changed();
            // Cancelled waiters stay in the heap until dequeued; rebuild it when they dominate.
            if (_queue.Count > 64 && _queue.Count > 2 * _waiting)
            {
                var live = _queue.UnorderedItems.Where(e => !e.Element.Settled).ToList();
                _queue.Clear();
                _queue.EnqueueRange(live);
            }
        }
        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private void Release()
    {
        Waiter? next = null;
        lock (_lock)
        {
            while (_queue.TryDequeue(out var waiter, out _))
            {
                if (waiter.Settled) continue;
                waiter.Settled = true;
                _waiting--;
                next = waiter;
                break;
            }
            // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
            if (next is null) _running--;
            Changed();
        }
        if (next is not null)
        {
            next.Registration.Dispose();
            next.Completion.TrySetResult(new Lease(this));
        }
    }

    private void Changed() => _onChange?.Invoke(_running, _waiting);

    private sealed class Waiter
    {
        // Continuations run on the thread pool, never inside Release's caller.
        public TaskCompletionSource<IDisposable> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenRegistration Registration { get; set; }
        public bool Settled { get; set; }
    }

    private sealed class Lease(PriorityGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }

    private sealed class WaiterOrder : IComparer<(int Priority, long Sequence)>
    {
        public static readonly WaiterOrder Instance = new();

        public int Compare((int Priority, long Sequence) x, (int Priority, long Sequence) y) =>
            x.Priority != y.Priority ? y.Priority.CompareTo(x.Priority) : x.Sequence.CompareTo(y.Sequence);
    }
}

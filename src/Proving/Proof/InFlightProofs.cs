using Hms.Proving.Obligations;

namespace Hms.Proving.Proof;

/// <summary>
/// The obligations being proved right now, by content hash: a theorem that needs a query another theorem is
/// already proving waits for that answer instead of sending the query to a solver again. The proof cache only
/// helps once the first proof has finished; two theorems of one batch ask for the same query at the same moment.
/// </summary>
/// <remarks>
/// The shared proof runs for as long as anyone waits for it: one waiter giving up (its theorem cancelled or
/// refuted) does not stop it for the others; the last one leaving stops it. It runs with the options of whoever
/// started it (timeout, strategy, priority), so a shared answer is taken only when it is decisive: PROVED, or
/// DISPROVED with a model that <see cref="ObligationProver.FromCache"/> re-checks against the waiter's own
/// obligation, exactly as a cached answer is. Anything else (UNKNOWN after the first one's timeout, an error)
/// and the waiter proves the obligation itself.
/// </remarks>
public sealed class InFlightProofs
{
    private readonly object sync = new();
    private readonly Dictionary<string, Flight> flights = new(StringComparer.Ordinal);
    private long shared;
    private long joined;

    /// <summary>Waits begun on another theorem's proof of the same query (counted when they begin, for tests).</summary>
    public long Joined
    {
        get
        {
            lock (sync) return joined;
        }
    }

    /// <summary>Proofs answered by another theorem's proof of the same query while it ran (for tests and reports).</summary>
    public long Shared => Interlocked.Read(ref shared);

    /// <summary>Queries being proved now.</summary>
    public int Count
    {
        get
        {
            lock (sync) return flights.Count;
        }
    }

    /// <summary>
    /// <paramref name="prove"/>'s answer for <paramref name="obligation"/>, or the answer of the same query
    /// already being proved. <paramref name="prove"/> gets a token of the shared proof (not
    /// <paramref name="cancellationToken"/>), and should store a decisive answer in the proof cache before it
    /// returns, so that no theorem arriving after the flight ends misses both.
    /// </summary>
    public async Task<ObligationResult> ProveAsync(Obligation obligation, Func<CancellationToken, Task<ObligationResult>> prove,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = obligation.ContentHash;
        Flight flight;
        lock (sync)
        {
            if (!flights.TryGetValue(key, out flight!))
            {
                flight = new Flight(obligation);
                flights[key] = flight;
                flight.Run = RunAsync(key, flight, prove);
            }
            else
            {
                joined++;
            }
            flight.Waiters++;
        }
        ObligationResult result;
        try
        {
            result = await flight.Run.WaitAsync(cancellationToken);
        }
        finally
        {
            Leave(key, flight);
        }
        if (ReferenceEquals(flight.Obligation, obligation)) return result;
        // Another theorem's obligation: its ids and descriptions are not this one's, and a refutation must hold here.
        var mine = result.Status is ObligationStatus.Proved or ObligationStatus.Disproved
            ? ObligationProver.FromCache(obligation, result.Status, result.Model ?? new Dictionary<string, Solvers.ModelValue>(), result.UnsatCore)
            : null;
        if (mine is null) return await prove(cancellationToken);
        Interlocked.Increment(ref shared);
        return mine;
    }

    private async Task<ObligationResult> RunAsync(string key, Flight flight, Func<CancellationToken, Task<ObligationResult>> prove)
    {
        // Off the caller's lock and stack: the proof starts once the flight is registered.
        await Task.Yield();
        try
        {
            return await prove(flight.Stop.Token);
        }
        finally
        {
            lock (sync)
            {
                if (flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight)) flights.Remove(key);
            }
        }
    }

    private void Leave(string key, Flight flight)
    {
        var stop = false;
        lock (sync)
        {
            flight.Waiters--;
            if (flight.Waiters == 0 && !flight.Run.IsCompleted)
            {
                stop = true;
                // Gone from the table at once, so a theorem arriving now starts afresh rather than join a stopping proof.
                if (flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight)) flights.Remove(key);
            }
        }
        if (stop) flight.Stop.Cancel();
    }

    private sealed class Flight(Obligation obligation)
    {
        public Obligation Obligation { get; } = obligation;
        public CancellationTokenSource Stop { get; } = new();
        /// <summary>Set right after construction, under the table's lock, before anyone else can see the flight.</summary>
        public Task<ObligationResult> Run { get; set; } = null!;
        public int Waiters { get; set; }
    }
}

namespace Hms.Proving.Solvers;

/// <summary>
/// Runs a goal under a <see cref="Strategy"/>. Portfolio races z3 and cvc5: the first decisive answer wins and
/// the other solver is cancelled (its process killed, freeing its slot at once).
/// </summary>
public sealed class Portfolio(SolverPool pool)
{
    private readonly SolverPool _pool = pool ?? throw new ArgumentNullException(nameof(pool));

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="SolverQueueFullException">the pool's queue is full.</exception>
    public async Task<PortfolioResult> SolveAsync(Strategy strategy, SolverRequest request, CancellationToken cancellationToken = default)
    {
        switch (strategy)
        {
            case Strategy.Z3:
            case Strategy.Cvc5:
                var only = await _pool.SolveAsync(strategy == Strategy.Z3 ? SolverKind.Z3 : SolverKind.Cvc5, request, cancellationToken)
                    .ConfigureAwait(false);
                return new(only, [only]);
            case Strategy.Portfolio:
                return await RaceAsync(request, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null);
        }
    }

    private async Task<PortfolioResult> RaceAsync(SolverRequest request, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<SolverResult>[] runs =
        [
            RunAsync(SolverKind.Z3, request, race, cancellationToken),
            RunAsync(SolverKind.Cvc5, request, race, cancellationToken),
        ];
        try
        {
            var firstDone = await Task.WhenAny(runs).ConfigureAwait(false);
            var first = await firstDone.ConfigureAwait(false);
            var other = runs[firstDone == runs[0] ? 1 : 0];
            // A loser that already finished is still compared, so a contradiction is reported, never hidden.
            if (first.IsDecisive && !other.IsCompleted)
                await race.CancelAsync().ConfigureAwait(false);
            var second = await other.ConfigureAwait(false);
            return PortfolioVerdict.Decide(first, second);
        }
        finally
        {
            if (!runs.All(r => r.IsCompleted))
            {
                // Something failed (cancellation, full queue): stop the other run and observe its outcome too.
                await race.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(runs).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private async Task<SolverResult> RunAsync(SolverKind kind, SolverRequest request, CancellationTokenSource race,
        CancellationToken callerToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await _pool.SolveAsync(kind, request, race.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested && race.IsCancellationRequested)
        {
            return SolverResult.Unknown(kind, started.Elapsed, "cancelled: the other solver answered first");
        }
    }
}

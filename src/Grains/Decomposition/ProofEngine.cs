using System.Collections.Concurrent;
using Hms.Grains.Cache;
using Hms.Grains.Metrics;
using Hms.Grains.Messages;
using Hms.Grains.Runs;
using Hms.Grains.Spread;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Search;
using Hms.Proving.Solvers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hms.Grains.Decomposition;

/// <summary>
/// This silo's proof runner: one solver pool, the runs it owns, and a way to stop them. Runs go on
/// thread-pool threads, never on an Orleans scheduler thread, and talk to grains only through calls. Each run
/// is held on a lease: its reports and a heartbeat renew it, and the theorem grain restarts a run whose lease
/// lapsed or whose silo died. A draining engine takes no new run and hands back those it still has.
/// </summary>
public sealed class ProofEngine(SolverPool pool, IGrainFactory grains, TimeProvider clock, ILogger<ProofEngine> logger,
    SolverLoadBoard board, IOptions<RunOptions> runOptions, ICounterexampleSearch? search = null, ProofMetrics? metrics = null) : IAsyncDisposable
{
    private sealed record Run(int Attempt, CancellationTokenSource Stop);

    private readonly ConcurrentDictionary<string, Run> running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource shutdown = new();
    private int heartbeatStarted;

    /// <summary>Queries being proved on this silo, per solver versions (as the proof cache keeps them apart).</summary>
    private readonly ConcurrentDictionary<string, InFlightProofs> inFlight = new(StringComparer.Ordinal);

    public SolverPool Pool => pool;

    /// <summary>Proofs under way on this silo (for tests and health).</summary>
    public int Running => running.Count;

    /// <summary>Obligations answered by another theorem's proof of the same query while it ran, on this silo.</summary>
    public long SharedInFlight => inFlight.Values.Sum(f => f.Shared);

    /// <summary>Waits begun on another theorem's proof of the same query, on this silo.</summary>
    public long JoinedInFlight => inFlight.Values.Sum(f => f.Joined);

    /// <summary>Whether this silo still owns the run of that theorem.</summary>
    public bool IsRunning(string theoremId) => running.ContainsKey(theoremId);

    public bool Draining => board.Draining;

    /// <summary>Starts the run; false when the silo is draining (the theorem grain starts it elsewhere).</summary>
    public bool Start(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings)
    {
        if (board.Draining) return false;
        var stop = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
        var run = new Run(attempt, stop);
        running.AddOrUpdate(theoremId, run, (_, previous) =>
        {
            previous.Stop.Cancel();
            return run;
        });
        if (Interlocked.Exchange(ref heartbeatStarted, 1) == 0) _ = Task.Run(HeartbeatAsync);
        // The token reaches every stage (compile, obligations, search, solvers): a stopped proof frees its core.
        _ = Task.Run(() => RunAsync(theoremId, attempt, spec, settings, stop), stop.Token);
        return true;
    }

    public void Stop(string theoremId)
    {
        if (!running.TryRemove(theoremId, out var run)) return;
        Cancel(run);
    }

    private static void Cancel(Run run)
    {
        try
        {
            run.Stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended on its own just now.
        }
    }

    /// <summary>
    /// The silo stops: no new runs or obligations; the runs under way get <see cref="RunOptions.Drain"/> to
    /// finish, then the rest are stopped and handed back to their theorem grains, which start them elsewhere.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        board.Draining = true;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(runOptions.Value.Drain);
        try
        {
            while (!running.IsEmpty) await Task.Delay(TimeSpan.FromMilliseconds(100), clock, window.Token);
        }
        catch (OperationCanceledException)
        {
            // Drain time is up: what is left is handed back.
        }
        var left = running.ToArray();
        if (left.Length > 0) logger.LogInformation("Draining: handing back {Count} runs that did not finish in time", left.Length);
        await Task.WhenAll(left.Select(async pair =>
        {
            if (!running.TryRemove(pair)) return;
            Cancel(pair.Value);
            try
            {
                await grains.GetGrain<ITheoremGrain>(pair.Key).HandBackRunAsync(pair.Value.Attempt);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Its lease lapses instead, and a surviving silo restarts it.
                logger.LogWarning(e, "Could not hand back the run of {TheoremId}", pair.Key);
            }
        }));
    }

    /// <summary>Renews the lease of every run here; a run its grain no longer counts is stopped.</summary>
    private async Task HeartbeatAsync()
    {
        using var timer = new PeriodicTimer(runOptions.Value.Lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(shutdown.Token))
            {
                foreach (var (id, run) in running.ToArray())
                {
                    try
                    {
                        if (!await grains.GetGrain<ITheoremGrain>(id).RenewRunAsync(run.Attempt) && running.TryRemove(new(id, run))) Cancel(run);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Could not renew the run lease of {TheoremId}", id);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task RunAsync(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings, CancellationTokenSource stop)
    {
        var theorem = grains.GetGrain<ITheoremGrain>(theoremId);
        var retry = new ReportRetry(clock, logger, theoremId, stop.Token);
        try
        {
            TheoremVerdict verdict;
            try
            {
                var versions = new[] { await pool.GetVersionAsync(SolverKind.Z3), await pool.GetVersionAsync(SolverKind.Cvc5) };
                var versionKey = string.Join(",", versions);
                var obligations = new SpreadObligationRunner(board, grains, new ObligationProver(pool), spec, clock, logger);
                var prover = new TheoremProver(obligations, new GrainProofCache(grains, versionKey, logger, metrics), search,
                    inFlight.GetOrAdd(versionKey, _ => new InFlightProofs()));
                var options = ProofOptions.ForRequest(settings.Strategies, settings.TimeoutSeconds, settings.UseGeneticOptimization, settings.Priority)
                    with { Owner = settings.Owner };
                var result = await prover.ProveAsync(spec.ToDocument(), options, new TheoremReporter(theorem, attempt, versions, clock, retry, metrics), stop.Token);
                verdict = TheoremVerdict.From(result);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                logger.LogError(e, "Proof of {TheoremId} (attempt {Attempt}) failed", theoremId, attempt);
                verdict = FailureVerdict(e);
            }
            metrics?.TheoremCompleted(verdict.Status);
            if (!stop.IsCancellationRequested)
                await retry.CallAsync(() => theorem.OnCompletedAsync(attempt, verdict), "the verdict");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped on purpose (cancelled, replaced, handed back or shutting down): the theorem grain already knows.
        }
        catch (Exception e)
        {
            // The grain kept refusing the verdict: the run's lease lapses and the theorem is proved again.
            logger.LogError(e, "Could not report the verdict of {TheoremId} (attempt {Attempt})", theoremId, attempt);
        }
        finally
        {
            foreach (var pair in running.Where(p => p.Key == theoremId && ReferenceEquals(p.Value.Stop, stop)).ToList()) running.TryRemove(pair);
            stop.Dispose();
        }
    }

    private static TheoremVerdict FailureVerdict(Exception e) => new()
    {
        Status = TheoremStatus.Error,
        Error = $"the proof failed: {e.Message}",
    };

    public async ValueTask DisposeAsync()
    {
        await shutdown.CancelAsync();
        shutdown.Dispose();
    }
}

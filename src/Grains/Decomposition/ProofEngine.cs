using System.Collections.Concurrent;
using Hms.Grains.Cache;
using Hms.Grains.Metrics;
using Hms.Grains.Messages;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Search;
using Hms.Proving.Solvers;
using Microsoft.Extensions.Logging;

namespace Hms.Grains.Decomposition;

/// <summary>
/// This silo's proof runner: one solver pool, the proofs it is running, and a way to stop them. Runs go on
/// thread-pool threads, never on an Orleans scheduler thread, and talk to grains only through calls.
/// </summary>
public sealed class ProofEngine(SolverPool pool, IGrainFactory grains, TimeProvider clock, ILogger<ProofEngine> logger,
    ICounterexampleSearch? search = null, ProofMetrics? metrics = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource shutdown = new();

    /// <summary>Queries being proved on this silo, per solver versions (as the proof cache keeps them apart).</summary>
    private readonly ConcurrentDictionary<string, InFlightProofs> inFlight = new(StringComparer.Ordinal);

    public SolverPool Pool => pool;

    /// <summary>Proofs under way on this silo (for tests and health).</summary>
    public int Running => running.Count;

    /// <summary>Obligations answered by another theorem's proof of the same query while it ran, on this silo.</summary>
    public long SharedInFlight => inFlight.Values.Sum(f => f.Shared);

    /// <summary>Waits begun on another theorem's proof of the same query, on this silo.</summary>
    public long JoinedInFlight => inFlight.Values.Sum(f => f.Joined);

    public void Start(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
        running.AddOrUpdate(theoremId, stop, (_, previous) =>
        {
            previous.Cancel();
            return stop;
        });
        // The token reaches every stage (compile, obligations, search, solvers): a stopped proof frees its core.
        _ = Task.Run(() => RunAsync(theoremId, attempt, spec.ToDocument(), settings, stop), stop.Token);
    }

    public void Stop(string theoremId)
    {
        if (!running.TryRemove(theoremId, out var stop)) return;
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended on its own just now.
        }
    }

    private async Task RunAsync(string theoremId, int attempt, TheoremDocument document, ProveSettings settings, CancellationTokenSource stop)
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
                var prover = new TheoremProver(new ObligationProver(pool), new GrainProofCache(grains, versionKey, logger, metrics), search,
                    inFlight.GetOrAdd(versionKey, _ => new InFlightProofs()));
                var options = ProofOptions.ForRequest(settings.Strategies, settings.TimeoutSeconds, settings.UseGeneticOptimization, settings.Priority)
                    with { Owner = settings.Owner };
                var result = await prover.ProveAsync(document, options, new TheoremReporter(theorem, attempt, versions, clock, retry, metrics), stop.Token);
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
            // Stopped on purpose (cancelled, replaced or shutting down): the theorem grain already knows.
        }
        catch (Exception e)
        {
            // The grain kept refusing the verdict: it stays unfinished in the catalog and is proved again on restart.
            logger.LogError(e, "Could not report the verdict of {TheoremId} (attempt {Attempt})", theoremId, attempt);
        }
        finally
        {
            running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(theoremId, stop));
            stop.Dispose();
        }
    }

    private static TheoremVerdict FailureVerdict(Exception e) => new()
    {
        Status = TheoremStatus.Error,
        Error = e is SolverQueueFullException ? "the solver queue is full; try again later" : $"the proof failed: {e.Message}",
    };

    public async ValueTask DisposeAsync()
    {
        await shutdown.CancelAsync();
        shutdown.Dispose();
    }
}

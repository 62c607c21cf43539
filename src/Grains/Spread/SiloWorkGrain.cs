using Hms.Grains.Decomposition;
using Hms.Grains.Messages;
using Hms.Proving.Compiling;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;
using Orleans.Concurrency;

namespace Hms.Grains.Spread;

/// <summary>
/// This silo's solvers, for the other silos: its load, obligations sent here, runs handed here. Reentrant:
/// obligations run side by side on the thread pool, never on the grain's scheduler.
/// </summary>
[Reentrant, SiloAddressedPlacement]
internal sealed class SiloWorkGrain(SolverLoadBoard board, ProofEngine engine) : Grain, ISiloWorkGrain
{
    /// <summary>
    /// Placed away from the silo its key names (that silo was not yet, or no longer, known here): it serves the
    /// call, as a silo with free slots, then goes, so the next call is placed again rather than stay misplaced.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (this.GetPrimaryKeyString() != board.LocalSilo) DeactivateOnIdle();
        return Task.CompletedTask;
    }

    Task<SiloLoad> ISiloWorkGrain.GetLoadAsync() => Task.FromResult(board.Local);

    async Task<ObligationOutcome> ISiloWorkGrain.ProveObligationAsync(ObligationWork work, CancellationToken cancellationToken)
    {
        if (board.Draining) return ObligationOutcomes.Refusal("draining");
        Strategy? strategy = work.Strategy is { } name && StrategyParser.TryParse(name, out var parsed) ? parsed : null;
        var goals = SpreadObligationRunner.GoalsOf(strategy);
        if (!board.TryReserveLocal(goals)) return ObligationOutcomes.Refusal("no free solver slot");
        try
        {
            return await Task.Run(async () =>
            {
                // The caller's own compilation made the obligation; the same document compiles to the same one
                // here, which the content hash confirms.
                var compiled = TheoremCompiler.Compile(work.Spec.ToDocument(), cancellationToken);
                var obligation = compiled.Obligations.FirstOrDefault(o => o.Id == work.ObligationId && o.ContentHash == work.ContentHash);
                if (obligation is null) return ObligationOutcomes.Refusal($"no obligation {work.ObligationId} with that content here");
                var options = new ProofOptions { Strategy = strategy, Priority = work.Priority, Owner = work.Owner, Theorem = work.Spec.Id };
                var result = await new ObligationProver(engine.Pool).ProveAsync(obligation, options, TimeSpan.FromMilliseconds(work.TimeoutMs), cancellationToken);
                return ObligationOutcomes.From(result with { Silo = board.LocalSilo });
            }, cancellationToken);
        }
        catch (SolverQueueFullException)
        {
            return ObligationOutcomes.Refusal("the solver queue is full");
        }
        finally
        {
            board.ReleaseLocal(goals);
        }
    }

    Task<string?> ISiloWorkGrain.StartRunAsync(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings) =>
        Task.FromResult(engine.Start(theoremId, attempt, spec, settings) ? board.LocalSilo : null);

    Task ISiloWorkGrain.StopRunAsync(string theoremId)
    {
        engine.Stop(theoremId);
        return Task.CompletedTask;
    }
}

using Orleans.Concurrency;
using Hms.Grains.Messages;

namespace Hms.Grains.Decomposition;

/// <summary>
/// Stateless worker on every silo: hands a theorem to this silo's proof engine and returns at once. The
/// engine runs the solvers off the Orleans scheduler and reports to the theorem grain as results land.
/// </summary>
[StatelessWorker]
internal sealed class DecompositionGrain(ProofEngine engine) : Grain, IDecompositionGrain
{
    Task IDecompositionGrain.StartAsync(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings)
    {
        // A draining silo refuses; the theorem grain asks it first (ProofEngine.Draining) and goes elsewhere.
        engine.Start(theoremId, attempt, spec, settings);
        return Task.CompletedTask;
    }

    Task IDecompositionGrain.StopAsync(string theoremId)
    {
        engine.Stop(theoremId);
        return Task.CompletedTask;
    }
}

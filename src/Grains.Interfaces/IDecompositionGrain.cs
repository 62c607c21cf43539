using Hms.Grains.Messages;

namespace Hms.Grains;

/// <summary>
/// Stateless worker that splits a theorem into obligations and proves them on the local silo's solver
/// pool, reporting each result to the theorem grain. <see cref="StartAsync"/> returns once the work is
/// under way: a proof can take minutes, far past any grain call's timeout.
/// </summary>
[Alias("hms.IDecompositionGrain")]
public interface IDecompositionGrain : IGrainWithIntegerKey
{
    [Alias("Start")]
    Task StartAsync(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings);

    /// <summary>Stops the run of that theorem if it is on this silo.</summary>
    [Alias("Stop")]
    Task StopAsync(string theoremId);
}

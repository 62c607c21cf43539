using Hms.Grains.Messages;

namespace Hms.Grains;

/// <summary>
/// One silo's solver capacity, addressed by the silo (key: its <c>SiloAddress.ToParsableString()</c>; placed on
/// that silo, or on the least busy one when it is gone). Other silos read its load, and send it obligations
/// and runs when their own solvers are busy or they are draining.
/// </summary>
[Alias("hms.ISiloWorkGrain")]
public interface ISiloWorkGrain : IGrainWithStringKey
{
    /// <summary>This silo's solver load right now.</summary>
    [Alias("GetLoad")]
    Task<SiloLoad> GetLoadAsync();

    /// <summary>Proves one obligation of a theorem on this silo's solvers; refused (a value) when full or draining.</summary>
    [Alias("ProveObligation"), ResponseTimeout("00:30:00")]
    Task<ObligationOutcome> ProveObligationAsync(ObligationWork work, CancellationToken cancellationToken);

    /// <summary>Starts a theorem's run on this silo; the silo that took it, or null when this silo is draining.</summary>
    [Alias("StartRun")]
    Task<string?> StartRunAsync(string theoremId, int attempt, TheoremSpec spec, ProveSettings settings);

    /// <summary>Stops that theorem's run if it is on this silo.</summary>
    [Alias("StopRun")]
    Task StopRunAsync(string theoremId);
}

using Orleans.Runtime.Placement;

namespace Hms.Grains.Spread;

/// <summary>The silo the key names when it is compatible; else the freest by solver load; else any compatible silo.</summary>
internal sealed class SiloAddressedPlacementDirector(SolverLoadBoard board) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var named = Named(target.GrainIdentity.Key.ToString());
        if (named is not null && silos.Contains(named)) return Task.FromResult(named);
        return Task.FromResult(board.Freest(silos) ?? silos[Random.Shared.Next(silos.Length)]);
    }

    private static SiloAddress? Named(string? key)
    {
        if (string.IsNullOrEmpty(key)) return null;
        try
        {
            return SiloAddress.FromParsableString(key);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }
}

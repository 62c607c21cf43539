using Orleans.Placement;

namespace Hms.Grains.Spread;

/// <summary>
/// Places a grain keyed by a silo's address on that silo; when that silo is gone, on the silo with the most
/// free solver slots (<see cref="SolverLoadBoard"/>), not by the .NET process's CPU, which the solver
/// processes do not show in.
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.SiloAddressedPlacement")]
public sealed class SiloAddressedPlacement : PlacementStrategy
{
    public static SiloAddressedPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloAddressedPlacementAttribute() : PlacementAttribute(SiloAddressedPlacement.Instance);

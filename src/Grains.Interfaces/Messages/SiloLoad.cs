namespace Hms.Grains.Messages;

/// <summary>
/// A silo's solver load as it publishes it: goals it admitted (running or queued) against its pool's slots.
/// The .NET process's CPU says nothing here: the solvers are child processes.
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.SiloLoad")]
public sealed record SiloLoad(
    [property: Id(0)] string Silo,
    [property: Id(1)] int Capacity,
    [property: Id(2)] int Busy,
    [property: Id(3)] bool Draining)
{
    public int Free => Draining ? 0 : Math.Max(0, Capacity - Busy);
}

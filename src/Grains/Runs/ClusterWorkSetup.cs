using Hms.Grains.Spread;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hms.Grains.Runs;

/// <summary>Registers run leases, hand-over, drain and the spread of obligations by solver load (<c>Hms:Cluster</c>).</summary>
public static class ClusterWorkSetup
{
    public static ISiloBuilder AddClusterWork(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<RunOptions>().BindConfiguration(RunOptions.Section).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<RunOptions>, RunOptionsValidator>();
        silo.Services.AddSingleton<SolverLoadBoard>();
        silo.Services.AddPlacementDirector<SiloAddressedPlacement, SiloAddressedPlacementDirector>();
        silo.Services.AddSingleton<ClusterWorkLifecycle>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<ClusterWorkLifecycle>());
        return silo;
    }
}

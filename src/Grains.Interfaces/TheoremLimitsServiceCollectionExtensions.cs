using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hms.Grains;

public static class TheoremLimitsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="TheoremLimits"/> from configuration section <see cref="TheoremLimits.Section"/>, validated at
    /// start. The frontend and the silo both call this; in one process the second call changes nothing.
    /// </summary>
    public static IServiceCollection AddTheoremLimits(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(TheoremLimitsValidator))) return services;
        services.AddSingleton<TheoremLimitsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TheoremLimits>, TheoremLimitsValidator>());
        services.AddOptions<TheoremLimits>().BindConfiguration(TheoremLimits.Section).ValidateOnStart();
        return services;
    }
}

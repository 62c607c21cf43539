using Hms.Interop.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hms.Interop.Orleans;

public static class PythonBridgeSiloBuilderExtensions
{
    /// <summary>
    /// One Python bridge per silo, as a GrainService; grains inject <see cref="IPythonBridgeClient"/>. Options come
    /// from the configuration section Hms:Python, then <paramref name="configure"/>.
    /// </summary>
    public static ISiloBuilder AddPythonBridge(this ISiloBuilder silo, Action<PythonBridgeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<PythonBridgeOptions>().BindConfiguration(PythonBridgeOptions.Section);
        if (configure is not null)
            options.Configure(configure);
        silo.Services.TryAddSingleton<LocalPythonBridge>();
        silo.Services.TryAddSingleton<IPythonBridgeClient, PythonBridgeClient>();
        silo.AddGrainService<PythonBridgeGrainService>();
        return silo;
    }
}

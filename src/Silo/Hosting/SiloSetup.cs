using Hms.Grains;
using Hms.Grains.Decomposition;
using Hms.Interop.Genetic;
using Hms.Interop.Orleans;
using Hms.Proving.Search;
using Hms.Proving.Solvers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Hms.Silo.Hosting;

/// <summary>Everything a silo of this service needs, in one call shared by `serve`, the embedded CLI and tests.</summary>
public static class SiloSetup
{
    /// <summary>Configuration section of the genetic search's options (population, generations, time budget, seed).</summary>
    public const string GeneticOptionsSection = "Hms:Genetic";

    /// <summary>Configuration section of the solver pool's options.</summary>
    public const string SolversSection = "Hms:Solvers";

    public static ISiloBuilder AddHmsSilo(this ISiloBuilder silo, HmsSiloOptions options)
    {
        switch (options.Storage)
        {
            case StorageKind.Postgres:
                var connection = options.PostgresConnectionString
                    ?? throw new InvalidOperationException("PostgreSQL storage needs a connection string (--postgres or Hms:Postgres)");
                silo.AddAdoNetGrainStorage(HmsStorage.Theorems, (OptionsBuilder<AdoNetGrainStorageOptions> storage) =>
                    storage.Configure<Serializer>((o, serializer) =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = connection;
                        o.GrainStorageSerializer = BinarySerializer(serializer);
                    }));
                break;
            default:
                silo.AddMemoryGrainStorage(HmsStorage.Theorems, UseBinarySerializer);
                break;
        }
        silo.AddMemoryGrainStorage(HmsStorage.PubSub, UseBinarySerializer);
        silo.AddMemoryStreams(ProgressStreams.Provider);
        silo.AddStartupTask(RecoverUnfinishedAsync);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddTheoremLimits();
        // Solver paths, concurrency, queue length and memory limit may be set in configuration (Hms:Solvers).
        silo.Configuration.GetSection(SolversSection).Bind(options.Solvers);
        options.Solvers.Validate(); // a bad Hms:Solvers setting stops the start, not the first proof
        silo.Services.AddSingleton(_ => new SolverPool(options.Solvers));
        silo.Services.AddSingleton<ProofEngine>();
        if (options.Python)
        {
            silo.AddPythonBridge();
            silo.Services.AddOptions<GeneticOptions>().BindConfiguration(GeneticOptionsSection);
            silo.Services.AddSingleton<ICounterexampleSearch>(services => new GeneticCounterexampleSearch(
                () => services.GetRequiredService<LocalPythonBridge>().Bridge,
                services.GetRequiredService<IOptions<GeneticOptions>>().Value));
        }
        return silo;
    }

    /// <summary>
    /// Orleans' binary serializer for every provider, never the default JSON one: JSON records the runtime type
    /// of each collection (compiler-generated for [..] literals) and then refuses to read it back, so memory
    /// storage lost every grain that was deactivated (after 15 idle minutes) and PostgreSQL rows were unreadable.
    /// </summary>
    private static IGrainStorageSerializer BinarySerializer(Serializer serializer) => new OrleansGrainStorageSerializer(serializer);

    private static void UseBinarySerializer(OptionsBuilder<MemoryGrainStorageOptions> storage) =>
        storage.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = BinarySerializer(serializer));

    /// <summary>After a restart, every theorem that was pending or running is proved again to a verdict.</summary>
    private static async Task RecoverUnfinishedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloSetup));
        foreach (var id in await grains.GetGrain<ITheoremCatalogGrain>(0).UnfinishedAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<ITheoremGrain>(id).ResumeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One theorem that cannot be resumed must not keep the service from starting.
                logger.LogError(e, "Could not resume theorem {TheoremId} after a restart", id);
            }
        }
    }
}

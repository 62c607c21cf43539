using Hms.Grains;
using Hms.Grains.Decomposition;
using Hms.Grains.Index;
using Hms.Grains.Journal;
using Hms.Grains.Metrics;
using Hms.Grains.Runs;
using Hms.Silo.Storage;
using Hms.Proving.Proof;
using Npgsql;
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
                // One connection pool for the grain state, the journal and the catalogue, smaller than PostgreSQL's
                // max_connections: under load, pools of Npgsql's default 100 made activations fail with "too many
                // clients" where a bounded pool makes a query wait a moment for a connection.
                silo.Services.AddKeyedSingleton(HmsStorage.Theorems, (_, _) => NpgsqlDataSource.Create(BoundedPool(connection)));
                AddPostgresStorage(silo, HmsStorage.Theorems);
                // The journal and the catalogue are tables beside the grain state, in the same database.
                silo.Services.AddSingleton<ITheoremJournal>(services => new PostgresTheoremJournal(
                    Database(services), ServiceId(services), services.GetRequiredService<Serializer>()));
                silo.Services.AddSingleton<ITheoremIndex>(services => new PostgresTheoremIndex(Database(services), ServiceId(services)));
                silo.Services.AddSingleton(services => new LegacyCatalogMigration(Database(services), ServiceId(services)));
                // Reminders outlive the silo that set them (PostgreSQL-Reminders.sql), in the same pool.
                silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> reminders) =>
                    reminders.Configure<IServiceProvider>((o, services) =>
                    {
                        o.Invariant = "Npgsql";
                        o.DataSource = Database(services);
                    }));
                // With several silos a stream's subscriptions must outlive the silo that held them in memory:
                // an Orleans client's subscription would otherwise go silent when that silo dies.
                if (options.Clustering == ClusteringKind.Postgres) AddPostgresStorage(silo, HmsStorage.PubSub);
                else silo.AddMemoryGrainStorage(HmsStorage.PubSub, UseBinarySerializer);
                break;
            default:
                silo.AddMemoryGrainStorage(HmsStorage.Theorems, UseBinarySerializer);
                silo.Services.AddSingleton<ITheoremJournal, MemoryTheoremJournal>();
                silo.Services.AddSingleton<ITheoremIndex, MemoryTheoremIndex>();
                silo.UseInMemoryReminderService();
                silo.AddMemoryGrainStorage(HmsStorage.PubSub, UseBinarySerializer);
                break;
        }
        silo.Services.AddHmsProofMetrics(); // after the journal: it is timed where it is registered
        silo.AddMemoryStreams(ProgressStreams.Provider);
        silo.AddStartupTask(RecoverUnfinishedAsync);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddTheoremLimits();
        // Solver paths, concurrency, queue length and memory limit may be set in configuration (Hms:Solvers).
        silo.Configuration.GetSection(SolversSection).Bind(options.Solvers);
        options.Solvers.Validate(); // a bad Hms:Solvers setting stops the start, not the first proof
        silo.Services.AddSingleton(services => new SolverPool(options.Solvers, services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        silo.Services.AddSingleton<ProofEngine>();
        silo.AddClusterWork(); // run leases, drain, obligations spread by solver load (Hms:Cluster)
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

    /// <summary>A grain storage provider on the silo's one PostgreSQL pool (PostgreSQL-Persistence.sql).</summary>
    private static void AddPostgresStorage(ISiloBuilder silo, string name) =>
        silo.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> storage) =>
            storage.Configure<Serializer, IServiceProvider>((o, serializer, services) =>
            {
                o.Invariant = "Npgsql";
                o.DataSource = Database(services);
                o.GrainStorageSerializer = BinarySerializer(serializer);
            }));

    /// <summary>
    /// Orleans' binary serializer for every provider, never the default JSON one: JSON records the runtime type
    /// of each collection (compiler-generated for [..] literals) and then refuses to read it back, so memory
    /// storage lost every grain that was deactivated (after 15 idle minutes) and PostgreSQL rows were unreadable.
    /// </summary>
    private static IGrainStorageSerializer BinarySerializer(Serializer serializer) => new OrleansGrainStorageSerializer(serializer);

    private static void UseBinarySerializer(OptionsBuilder<MemoryGrainStorageOptions> storage) =>
        storage.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = BinarySerializer(serializer));

    /// <summary>Connections the silo opens to PostgreSQL at most, unless the connection string sets Max Pool Size.</summary>
    public const int DefaultPostgresPoolSize = 32;

    private static string BoundedPool(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var explicitSize = connection.Contains("pool size", StringComparison.OrdinalIgnoreCase);
        if (!explicitSize) builder.MaxPoolSize = DefaultPostgresPoolSize;
        return builder.ConnectionString;
    }

    private static NpgsqlDataSource Database(IServiceProvider services) =>
        services.GetRequiredKeyedService<NpgsqlDataSource>(HmsStorage.Theorems);

    /// <summary>Rows of the journal and catalogue tables belong to this service (the grain state's ServiceId).</summary>
    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

    /// <summary>
    /// After a restart, every theorem that was pending or running is proved again to a verdict. With PostgreSQL,
    /// first the stored theorems the catalogue does not list (rows from before the catalogue table) are activated,
    /// which lists them, moves them to the journal layout and resumes the unfinished ones.
    /// </summary>
    private static async Task RecoverUnfinishedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var index = services.GetRequiredService<ITheoremIndex>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloSetup));
        if (services.GetService<LegacyCatalogMigration>() is { } migration)
        {
            var unlisted = await migration.UnlistedTheoremsAsync(cancellationToken);
            if (unlisted.Count > 0) logger.LogInformation("Listing {Count} stored theorems the catalogue table does not have", unlisted.Count);
            var failed = 0;
            foreach (var id in unlisted)
            {
                if (!await ResumeAsync(id)) failed++;
            }
            if (failed == 0) await migration.DropLegacyCatalogAsync(cancellationToken);
        }
        // The same sweep a survivor runs when a silo dies: a theorem whose run is alive elsewhere restarts nothing,
        // so one the migration just resumed is left alone.
        await UnfinishedSweep.RunAsync(grains, index, logger, cancellationToken);

        async Task<bool> ResumeAsync(string id)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<ITheoremGrain>(id).ResumeAsync();
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One theorem that cannot be resumed must not keep the service from starting.
                logger.LogError(e, "Could not resume theorem {TheoremId} after a restart", id);
                return false;
            }
        }
    }
}

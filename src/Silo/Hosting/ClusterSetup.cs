using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Hms.Silo.Hosting;

/// <summary>
/// How a silo joins its cluster: development membership for one silo, or membership in PostgreSQL for several,
/// on the address it binds and advertises (`--host`), with the identity and timeouts of Hms:Cluster.
/// </summary>
public static class ClusterSetup
{
    /// <summary>The key of the membership's own connection pool.</summary>
    public const string MembershipDatabase = "hms-membership";

    /// <summary>
    /// Connections the membership may hold. Its own small pool, apart from the grain state's: a silo whose
    /// IAmAlive write waits behind a busy state pool looks dead to its peers.
    /// </summary>
    public const int MembershipPoolSize = 4;

    public static ISiloBuilder UseHmsClustering(this ISiloBuilder silo, ServerSettings settings, string? postgres)
    {
        var options = new HmsClusterOptions();
        silo.Configuration.GetSection(HmsClusterOptions.Section).Bind(options);
        options.Validate(); // a bad Hms:Cluster setting stops the start, not the first membership change
        var address = IPAddress.Parse(settings.ListenAddress);
        // 0.0.0.0 binds every interface but is no address a peer can reach: Orleans then advertises the
        // host's own (or an orchestrator's hosting integration sets it).
        var advertised = address.Equals(IPAddress.Any) ? null : address;
        switch (settings.Clustering)
        {
            case ClusteringKind.Postgres:
                var connection = postgres
                    ?? throw new InvalidOperationException("--clustering postgres needs PostgreSQL (--postgres or the local cluster of --storage postgres)");
                silo.Services.AddKeyedSingleton(MembershipDatabase, (_, _) => NpgsqlDataSource.Create(
                    new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = MembershipPoolSize }.ConnectionString));
                silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> membership) =>
                    membership.Configure<IServiceProvider>((o, services) =>
                    {
                        o.Invariant = "Npgsql";
                        o.DataSource = services.GetRequiredKeyedService<NpgsqlDataSource>(MembershipDatabase);
                    }));
                break;
            default:
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
                    new IPEndPoint(advertised ?? IPAddress.Loopback, settings.SiloPort));
                advertised ??= IPAddress.Loopback;
                break;
        }
        silo.Configure<EndpointOptions>(o =>
        {
            if (advertised is not null) o.AdvertisedIPAddress = advertised; // else Orleans' choice (see above)
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            // Orleans listens on the advertised address unless told otherwise: only 0.0.0.0 needs saying.
            if (advertised is null)
            {
                o.SiloListeningEndpoint = new IPEndPoint(address, settings.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(address, settings.GatewayPort);
            }
        });
        // Explicit, for both kinds (UseLocalhostClustering leaves Orleans' defaults in place).
        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = options.ServiceId;
            o.ClusterId = options.ClusterId;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = options.ProbeTimeout;
            o.NumMissedProbesLimit = options.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = options.NumVotesForDeathDeclaration;
            o.IAmAliveTablePublishTimeout = options.IAmAliveTablePublishTimeout;
            o.TableRefreshTimeout = options.TableRefreshTimeout;
            o.DeathVoteExpirationTimeout = options.DeathVoteExpirationTimeout;
        });
        // Names the silo in logs and in the membership table by where it runs.
        silo.Configure<SiloOptions>(o => o.SiloName = $"hms-{settings.ListenAddress}-{settings.SiloPort}");
        return silo;
    }
}

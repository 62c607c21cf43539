namespace Hms.Silo.Hosting;

/// <summary>
/// The cluster's identity and how fast it gives up on a silo (configuration: Hms:Cluster). Tests set the
/// timeouts to a second or two so that a killed silo is declared dead in seconds; the defaults are Orleans'
/// own, conservative ones, for machines and networks that pause.
/// </summary>
public sealed class HmsClusterOptions
{
    public const string Section = "Hms:Cluster";

    /// <summary>
    /// The ServiceId the service had before it was set explicitly: UseLocalhostClustering leaves Orleans'
    /// ClusterOptions default, "default" (its "dev" applies only where the id is blank). It is part of every stored
    /// row's key (grain state, journal, catalogue, reminders), so keeping it keeps existing rows readable.
    /// </summary>
    public const string DefaultServiceId = "default";

    /// <summary>
    /// Likewise Orleans' "default": a gateway lets an Orleans client in only with the silo's ClusterId, and clients
    /// written for the single silo (UseLocalhostClustering) send that.
    /// </summary>
    public const string DefaultClusterId = "default";

    /// <summary>Which service's rows this silo reads and writes; silos of one service share it across deployments.</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>Which silos form one cluster (the membership table's DeploymentId); a new deployment may take a new one.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>How long a silo waits for a probe's answer before counting it missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Missed probes in a row after which a silo votes its peer dead.</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Votes needed to declare a silo dead (fewer when fewer silos are alive to vote).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How often a silo writes its IAmAlive time to the membership table.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo re-reads the membership table even without news from its peers.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a vote of death counts.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest an id may be: both are stored in key columns and logged.</summary>
    public const int MaxIdLength = 150;

    /// <summary>Throws on a setting the cluster cannot work with; called at start, before the silo is built.</summary>
    /// <exception cref="ArgumentException">a setting is out of range or an id is empty, too long or not printable ASCII.</exception>
    public void Validate()
    {
        CheckId(ServiceId, nameof(ServiceId));
        CheckId(ClusterId, nameof(ClusterId));
        CheckTimeout(ProbeTimeout, nameof(ProbeTimeout));
        CheckTimeout(IAmAliveTablePublishTimeout, nameof(IAmAliveTablePublishTimeout));
        CheckTimeout(TableRefreshTimeout, nameof(TableRefreshTimeout));
        CheckTimeout(DeathVoteExpirationTimeout, nameof(DeathVoteExpirationTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumMissedProbesLimit, 1, $"{Section}:{nameof(NumMissedProbesLimit)}");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NumMissedProbesLimit, 100, $"{Section}:{nameof(NumMissedProbesLimit)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(NumVotesForDeathDeclaration, 1, $"{Section}:{nameof(NumVotesForDeathDeclaration)}");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NumVotesForDeathDeclaration, 100, $"{Section}:{nameof(NumVotesForDeathDeclaration)}");
    }

    private static void CheckId(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdLength || value.Any(c => c is < '!' or > '~'))
            throw new ArgumentException(
                $"{Section}:{name} '{value}' must be 1 to {MaxIdLength} printable ASCII characters without spaces", $"{Section}:{name}");
    }

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value < TimeSpan.FromMilliseconds(100) || value > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException($"{Section}:{name}", value, "must be between 100 ms and 1 hour");
    }
}

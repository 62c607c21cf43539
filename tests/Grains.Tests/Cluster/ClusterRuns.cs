using Hms.Grains.Messages;
using Hms.Proving;
using Orleans.TestingHost;

namespace Hms.Grains.Tests.Cluster;

/// <summary>Theorems and followers for the multi-silo tests.</summary>
internal static class ClusterRuns
{
    /// <summary>
    /// <paramref name="claims"/> quick claims (AM-GM in two variables each); the prefix makes every obligation
    /// new, so no proof cache answers it.
    /// </summary>
    public static TheoremSpec Quick(string id, int claims)
    {
        var p = "q" + Guid.NewGuid().ToString("N")[..8];
        return new TheoremSpec
        {
            Id = id,
            Statement = string.Join(" and ", Enumerable.Range(1, claims).Select(i => $"{p}a{i}*{p}a{i} + {p}b{i}*{p}b{i} >= 2*{p}a{i}*{p}b{i}")),
        };
    }

    /// <summary>
    /// Fermat's last theorem for cubes, <paramref name="claims"/> times over fresh integer variables: neither
    /// solver decides it, so each claim runs to its time limit and the theorem ends UNKNOWN.
    /// </summary>
    public static TheoremSpec Slow(string id, int claims, int timeoutSeconds)
    {
        var p = "f" + Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(1, claims).SelectMany(i => new[] { $"{p}x{i}", $"{p}y{i}", $"{p}z{i}" }).ToList();
        return new TheoremSpec
        {
            Id = id,
            Variables = [.. names.Select(n => new VariableSpec(n, Sort.Int))],
            Assumptions = [.. names.Select(n => $"{n} > 0")],
            Statement = string.Join(" and ", Enumerable.Range(1, claims).Select(i => $"{p}x{i}^3 + {p}y{i}^3 != {p}z{i}^3")),
            TimeoutSeconds = timeoutSeconds,
        };
    }

    /// <summary>
    /// A theorem id whose grain is active on a secondary silo (the primary holds the test cluster's membership
    /// table, so it is never the one stopped or killed), and that silo.
    /// </summary>
    public static async Task<(string Id, SiloHandle Silo)> OnSecondaryAsync(TestCluster cluster, string name)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        while (true)
        {
            var id = $"{name}-{Guid.NewGuid():N}";
            var grain = cluster.Client.GetGrain<ITheoremGrain>(id);
            await grain.GetSummaryAsync(); // activates it
            var address = await management.GetActivationAddress(grain);
            var silo = cluster.SecondarySilos.FirstOrDefault(s => s.SiloAddress.Equals(address));
            if (silo is not null) return (id, silo);
        }
    }

    /// <summary>
    /// Follows the theorem to its Completed event as a client does: when a call fails (its silo died), it asks
    /// again after the last number seen. Every event received is returned, in the order received.
    /// </summary>
    public static async Task<List<ProgressEvent>> FollowAsync(IClusterClient client, string id, Action<ProgressEvent>? seen = null)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        List<ProgressEvent> events = [];
        while (true)
        {
            try
            {
                await foreach (var e in ProgressFeed.WatchAsync(client, id, events.Count > 0 ? events[^1].Sequence : 0, limit.Token))
                {
                    events.Add(e);
                    seen?.Invoke(e);
                }
                return events;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The grain's silo went away mid-call: the next call reaches its new activation.
            }
        }
    }
}

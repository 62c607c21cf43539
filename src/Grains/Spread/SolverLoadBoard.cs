using System.Collections.Concurrent;
using Hms.Grains.Messages;
using Hms.Grains.Runs;
using Hms.Proving.Solvers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hms.Grains.Spread;

/// <summary>
/// This silo's view of where solver capacity is free: its own goals admitted (counted here, exactly, as they
/// are taken), and the other silos' figures as they last published them, read every
/// <see cref="RunOptions.LoadRefresh"/> (a single silo reads nothing). Goals sent to another silo are added to
/// its figure at once, so a burst of obligations spreads instead of piling onto the one silo that looked free.
/// </summary>
public sealed class SolverLoadBoard(SolverPool pool, ILocalSiloDetails local, IOptions<RunOptions> options, ILogger<SolverLoadBoard> logger)
{
    private readonly ConcurrentDictionary<string, SiloLoad> others = new(StringComparer.Ordinal);
    private int busy;

    /// <summary>This silo's name as obligations record it (its Orleans address).</summary>
    public string LocalSilo { get; } = local.SiloAddress.ToParsableString();

    /// <summary>Set when the silo stops: it takes no new obligations or runs and publishes no free slot.</summary>
    public bool Draining { get; set; }

    public SiloLoad Local => new(LocalSilo, pool.MaxConcurrency, Volatile.Read(ref busy), Draining);

    /// <summary>Takes slots here when they are free (always when none is taken: a goal wider than the pool still runs).</summary>
    public bool TryReserveLocal(int goals)
    {
        while (true)
        {
            var now = Volatile.Read(ref busy);
            if (now > 0 && now + goals > pool.MaxConcurrency) return false;
            if (Interlocked.CompareExchange(ref busy, now + goals, now) == now) return true;
        }
    }

    /// <summary>Takes slots here whether or not they are free: the goal waits in this silo's queue.</summary>
    public void ReserveLocal(int goals) => Interlocked.Add(ref busy, goals);

    public void ReleaseLocal(int goals) => Interlocked.Add(ref busy, -goals);

    /// <summary>The other silo with the most free slots (at least <paramref name="goals"/>), counted as taken; null when none.</summary>
    public string? PickRemote(int goals, string? except = null)
    {
        while (true)
        {
            var best = others.Values.Where(l => l.Silo != except && l.Free >= goals).MaxBy(l => l.Free);
            if (best is null) return null;
            if (others.TryUpdate(best.Silo, best with { Busy = best.Busy + goals }, best)) return best.Silo;
        }
    }

    /// <summary>Other silos that take runs, the freest first.</summary>
    public IReadOnlyList<string> OthersTakingRuns() => [.. others.Values.Where(l => !l.Draining).OrderByDescending(l => l.Free).Select(l => l.Silo)];

    /// <summary>The silo refused (full or draining): none of its slots count as free until it publishes again.</summary>
    public void MarkFull(string silo) => others.AddOrUpdate(silo, s => new SiloLoad(s, 0, 0, false), (_, l) => l with { Busy = l.Capacity });

    /// <summary>The silo failed a call: forgotten until it publishes again.</summary>
    public void Forget(string silo) => others.TryRemove(silo, out _);

    /// <summary>Of <paramref name="silos"/>, the one with the most free slots by the last figures; null when none is known.</summary>
    public SiloAddress? Freest(IReadOnlyList<SiloAddress> silos)
    {
        SiloAddress? best = null;
        var bestFree = -1;
        foreach (var silo in silos)
        {
            var name = silo.ToParsableString();
            var free = name == LocalSilo ? Local.Free : others.TryGetValue(name, out var l) ? l.Free : -1;
            if (free > bestFree) (best, bestFree) = (silo, free);
        }
        return bestFree >= 0 ? best : null;
    }

    /// <summary>Reads every other active silo's figure (its <see cref="ISiloWorkGrain"/>), until <paramref name="stop"/>.</summary>
    internal async Task RefreshAsync(IGrainFactory grains, IClusterMembershipService membership, TimeProvider clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.LoadRefresh, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var active = membership.CurrentSnapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString())
                    .Where(s => s != LocalSilo).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in others.Keys.Where(k => !active.Contains(k))) others.TryRemove(gone, out _);
                await Task.WhenAll(active.Select(async silo =>
                {
                    try
                    {
                        var load = await grains.GetGrain<ISiloWorkGrain>(silo).GetLoadAsync().WaitAsync(options.Value.LoadRefresh * 4, clock, stop);
                        // A figure from another silo than the key names (the named one was just gone) is no figure of it.
                        if (load.Silo == silo) others[silo] = load; else others.TryRemove(silo, out _);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        others.TryRemove(silo, out _);
                        logger.LogDebug(e, "Silo {Silo} did not publish its solver load", silo);
                    }
                }));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The silo stops.
        }
    }
}

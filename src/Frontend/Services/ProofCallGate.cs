using Hms.Frontend.Errors;
using Microsoft.Extensions.Options;

namespace Hms.Frontend.Services;

/// <summary>
/// Bounds the long calls (ProveTheorem, WatchTheorem) served at once. A full gate rejects instead of
/// waiting: a queued call would hold its connection and most likely miss its deadline anyway.
/// </summary>
internal sealed class ProofCallGate(IOptions<FrontendOptions> options) : IDisposable
{
    private readonly int limit = options.Value.MaxInFlightProofs;
    private readonly SemaphoreSlim slots = new(options.Value.MaxInFlightProofs, options.Value.MaxInFlightProofs);

    /// <summary>Takes a slot for the duration of a call; RESOURCE_EXHAUSTED when none is free.</summary>
    public Slot Enter()
    {
        if (!slots.Wait(0))
        {
            RpcFaults.ThrowTooManyProofCalls(limit);
        }

        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    /// <summary>Gives the slot back when disposed, once.</summary>
    internal sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

using System.Diagnostics.Metrics;
using Hms.Proving.Metrics;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Grains.Metrics;

/// <summary>
/// The silo's proof instruments (meter <see cref="HmsInstruments.ProofsMeter"/>): decomposition and journal
/// durations, theorems and obligations completed, proof cache lookups.
/// </summary>
public sealed class ProofMetrics
{
    private readonly Histogram<double> decomposition;
    private readonly Histogram<double> journal;
    private readonly Counter<long> theorems;
    private readonly Counter<long> obligations;
    private readonly Counter<long> cache;

    public ProofMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HmsInstruments.ProofsMeter);
        decomposition = meter.CreateHistogram<double>(HmsInstruments.DecompositionDuration, "s", "Time to parse a theorem and split it into obligations", advice: HmsInstruments.DurationAdvice);
        journal = meter.CreateHistogram<double>(HmsInstruments.JournalDuration, "s", "Time of one read or write of the progress journal", advice: HmsInstruments.DurationAdvice);
        theorems = meter.CreateCounter<long>(HmsInstruments.TheoremsCompleted, "{theorem}", "Theorems whose proof ended on this silo");
        obligations = meter.CreateCounter<long>(HmsInstruments.ObligationsCompleted, "{obligation}", "Obligations decided on this silo");
        cache = meter.CreateCounter<long>(HmsInstruments.CacheLookups, "{lookup}", "Proof cache lookups");
    }

    public void Decomposed(TimeSpan elapsed) => decomposition.Record(elapsed.TotalSeconds);

    public void JournalOperation(string operation, TimeSpan elapsed) =>
        journal.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    public void TheoremCompleted(TheoremStatus status) =>
        theorems.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public void ObligationCompleted(ObligationStatus status) =>
        obligations.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public void CacheLookedUp(bool hit) =>
        cache.Add(1, new KeyValuePair<string, object?>("result", hit ? HmsInstruments.CacheHit : HmsInstruments.CacheMiss));
}

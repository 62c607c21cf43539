using System.Globalization;

namespace Hms.Proving.Metrics;

/// <summary>
/// Names the stage that dominates: the one whose measurements took the most time together over the window
/// (count × mean), and says in a sentence what that means and what would help. Stages can nest (an admission
/// includes the submission's storage write), so shares are of the summed stage time, not of wall time.
/// </summary>
internal static class Bottleneck
{
    public static (Stage? Stage, string Explanation) Identify(IReadOnlyList<StageLatency> stages, long busy, long slots, long queued)
    {
        var all = stages.Sum(s => s.Total);
        var top = stages.Where(s => s.Count > 0).MaxBy(s => s.Total);
        if (top is null || all <= 0)
            return (null, "nothing was measured in the window: no theorem passed through this silo");
        var share = (top.Total / all).ToString("P0", CultureInfo.InvariantCulture);
        var p50 = Milliseconds(top.P50);
        var explanation = top.Stage switch
        {
            Stage.QueueWait =>
                $"queue wait: goals spent {share} of the measured stage time waiting for a solver slot (p50 {p50}; {busy} of {slots} slots busy, " +
                $"{queued} queued now): the solver pool is the limit; more slots (Hms:Solvers:MaxConcurrency) or fewer concurrent proofs shorten it",
            Stage.Solver =>
                $"solver: {share} of the measured stage time was z3 and cvc5 working (p50 {p50} a goal): the proofs themselves are the cost, " +
                "not the service around them; shorter timeouts or simpler theorems help",
            Stage.Storage =>
                $"storage: {share} of the measured stage time went to reading and writing theorem state and progress (p50 {p50} an operation): " +
                "the database is the limit",
            Stage.Admission =>
                $"admission: {share} of the measured stage time went to accepting submissions (p50 {p50} a call: validation and the theorem " +
                "grain's first write)",
            Stage.Decomposition =>
                $"decomposition: {share} of the measured stage time went to parsing theorems and splitting them into obligations (p50 {p50} a theorem)",
            Stage.Streaming =>
                $"streaming: {share} of the measured stage time went to writing progress onto clients' streams (p50 {p50} a message): " +
                "clients read slowly (flow control holds the writes) or follow many proofs at once",
            _ => $"{top.Stage}: {share} of the measured stage time",
        };
        return (top.Stage, explanation);
    }

    private static string Milliseconds(double seconds) =>
        (seconds * 1000).ToString(seconds < 0.01 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " ms";
}

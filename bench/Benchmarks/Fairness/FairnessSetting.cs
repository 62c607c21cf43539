using Hms.Proving.Solvers;

namespace Hms.Benchmarks.Fairness;

/// <summary>One scheduler configuration the benchmark measures.</summary>
/// <param name="Name">As printed in the report.</param>
/// <param name="Options">The pool's options (cores at once; the lane on or off).</param>
/// <param name="LongOwner">Owner of the long goals.</param>
/// <param name="TrivialOwner">Owner of the trivial goal: another client, or the same one for the baseline.</param>
internal sealed record FairnessSetting(string Name, SolverPoolOptions Options, string LongOwner, string TrivialOwner)
{
    /// <summary>The pool as shipped: per-owner share and a short-goal lane.</summary>
    public static FairnessSetting Fair() => new("fair (as shipped)", new SolverPoolOptions(), "heavy", "light");

    /// <summary>What the pool did before: one queue in arrival order, every slot open to every goal.</summary>
    public static FairnessSetting Unfair() => new("one FIFO queue (before)", new SolverPoolOptions { ShortGoalSlots = 0 }, "everyone", "everyone");
}

using Hms.Proving.Solvers;

namespace Hms.Proving.Proof;

/// <summary>How to prove: which solvers, how long each goal may take, and its place in the queue.</summary>
public sealed record ProofOptions
{
    /// <summary>The time limit of a goal when neither the request nor the theorem gives one.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public Strategy Strategy { get; init; } = Strategy.Portfolio;

    /// <summary>Overrides the theorem's own timeout_seconds when set.</summary>
    public TimeSpan? Timeout { get; init; }

    public int Priority { get; init; }
}

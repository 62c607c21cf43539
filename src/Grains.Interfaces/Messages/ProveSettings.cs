namespace Hms.Grains.Messages;

/// <summary>How a submission asks to be proved; unset fields fall back to the theorem's own fields.</summary>
[GenerateSerializer, Immutable, Alias("hms.ProveSettings")]
public sealed record ProveSettings
{
    [Id(0)] public IReadOnlyList<string> Strategies { get; init; } = [];
    [Id(1)] public int? TimeoutSeconds { get; init; }
    [Id(2)] public bool UseGeneticOptimization { get; init; }
    [Id(3)] public int Priority { get; init; }

    /// <summary>
    /// When the caller stops waiting (ProveTheorem's deadline); null: never. A proof still running then is
    /// cancelled, and a verdict that arrives later is not given: the theorem ends CANCELLED, as the call said.
    /// </summary>
    [Id(4)] public DateTimeOffset? CancelAt { get; init; }

    /// <summary>
    /// Whose goals these are in the solver queue (set by the frontend, never by a client): goals of one owner share
    /// one fair share of the solvers and are ordered by <see cref="Priority"/> among themselves. A batch or a stream
    /// names one owner for all its theorems, so their priorities order them against each other; null: the theorem alone.
    /// </summary>
    [Id(5)] public string? Owner { get; init; }
}

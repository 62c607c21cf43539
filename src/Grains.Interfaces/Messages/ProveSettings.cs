namespace Hms.Grains.Messages;

/// <summary>How a submission asks to be proved; unset fields fall back to the theorem's own fields.</summary>
[GenerateSerializer, Immutable, Alias("hms.ProveSettings")]
public sealed record ProveSettings
{
    [Id(0)] public IReadOnlyList<string> Strategies { get; init; } = [];
    [Id(1)] public int? TimeoutSeconds { get; init; }
    [Id(2)] public bool UseGeneticOptimization { get; init; }
    [Id(3)] public int Priority { get; init; }
}

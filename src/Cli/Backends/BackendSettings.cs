namespace Hms.Cli.Backends;

/// <summary>What the command line asks of every proof, whichever backend runs it.</summary>
internal sealed record BackendSettings(IReadOnlyList<string> Strategies, int? TimeoutSeconds, bool UseGeneticOptimization,
    string? DumpDirectory = null);

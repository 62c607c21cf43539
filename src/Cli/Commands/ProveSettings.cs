using Hms.Proving.Solvers;

namespace Hms.Cli.Commands;

/// <summary>The options of one `hms prove`, checked before any work starts.</summary>
internal sealed record ProveSettings(string[] Paths, string? Server, bool Json, int? TimeoutSeconds, string? Strategy, bool Genetic)
{
    public const int MaxTimeoutSeconds = 86_400;

    /// <summary>The solver strategy asked for, or null to let each theorem's own strategies decide.</summary>
    public Strategy? SolverStrategy => StrategyParser.TryParse(Strategy, out var parsed) ? parsed : null;

    /// <summary>A usage error, or null.</summary>
    public string? Validate()
    {
        if (TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
            return $"--timeout must be between 1 and {MaxTimeoutSeconds} seconds";
        if (Strategy is not null && Strategy.ToLowerInvariant() is not ("z3" or "cvc5" or "portfolio" or "genetic"))
            return $"unknown strategy '{Strategy}' (expected z3, cvc5, portfolio or genetic)";
        if (Server is not null)
            return "--server is not available yet: this build proves in-process only";
        return null;
    }
}

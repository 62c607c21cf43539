using Hms.Grains;

namespace Hms.Cli.Commands;

/// <summary>The options of one `hms prove`, checked before any work starts.</summary>
internal sealed record ProveSettings(string[] Paths, string? Server, bool Json, int? TimeoutSeconds, string? Strategy, bool Genetic,
    string? DumpDirectory = null)
{
    /// <summary>A usage error, or null.</summary>
    /// <param name="limits">The service's limits (Hms:Limits): --timeout is held to the same range as a request's timeout_seconds.</param>
    public string? Validate(TheoremLimits limits)
    {
        if (TimeoutSeconds is < 1 || limits.TimeoutProblem(TimeoutSeconds, "--timeout") is not null)
            return $"--timeout must be between {limits.MinTimeoutSeconds} and {limits.MaxTimeoutSeconds} seconds, not {TimeoutSeconds}";
        if (Strategy is not null && Strategy.ToLowerInvariant() is not ("z3" or "cvc5" or "portfolio" or "genetic"))
            return $"unknown strategy '{Strategy}' (expected z3, cvc5, portfolio or genetic)";
        if (Server is not null && !Uri.TryCreate(Server, UriKind.Absolute, out _))
            return $"--server must be a URL such as http://127.0.0.1:5000, not '{Server}'";
        if (DumpDirectory is not null && Server is not null)
            return "--dump-smt writes the prover log of an in-process run; a server writes its own (configuration Hms:Solvers:DumpDirectory)";
        if (DumpDirectory is not null && (DumpDirectory.Trim().Length == 0 || File.Exists(DumpDirectory)))
            return $"--dump-smt needs a folder, not '{DumpDirectory}'";
        return null;
    }
}

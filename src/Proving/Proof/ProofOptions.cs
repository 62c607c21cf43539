using Hms.Proving.Solvers;

namespace Hms.Proving.Proof;

/// <summary>How to prove: which solvers, how long each goal may take, and its place in the queue.</summary>
public sealed record ProofOptions
{
    /// <summary>The time limit of a goal when neither the request nor the theorem gives one.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Overrides the theorem's own strategies when set; portfolio when neither says.</summary>
    public Strategy? Strategy { get; init; }

    /// <summary>Overrides the theorem's own timeout_seconds when set.</summary>
    public TimeSpan? Timeout { get; init; }

    public int Priority { get; init; }

    /// <summary>
    /// Whose proof this is, for the solver pool's fair share (a client id the service knows); the theorem id
    /// when not set.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>
    /// The theorem whose goals these are, naming them in the prover log (<see cref="SolverPoolOptions.DumpDirectory"/>);
    /// set by <see cref="TheoremProver"/>.
    /// </summary>
    public string? Theorem { get; init; }

    /// <summary>Also hunt counterexamples numerically, whatever the theorem says.</summary>
    public bool UseGeneticOptimization { get; init; }

    /// <summary>The name that asks for the genetic search among a theorem's or a request's strategies.</summary>
    public const string GeneticStrategy = "genetic";

    /// <summary>Options from a request's strategy names (solvers and "genetic"), timeout and priority.</summary>
    public static ProofOptions ForRequest(IEnumerable<string> strategies, int? timeoutSeconds, bool useGeneticOptimization, int priority)
    {
        var names = strategies.ToList();
        return new ProofOptions
        {
            Strategy = FirstSolverStrategy(names),
            Timeout = timeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : null,
            Priority = priority,
            UseGeneticOptimization = useGeneticOptimization || NamesGenetic(names),
        };
    }

    /// <summary>True when the request or the theorem asks for the genetic search.</summary>
    public bool WantsSearch(Documents.TheoremDocument document) =>
        UseGeneticOptimization || document.UseGeneticOptimization || NamesGenetic(document.Strategies);

    /// <summary>The strategy for <paramref name="document"/>: this request's, else the first the theorem names, else portfolio.</summary>
    public Strategy StrategyFor(Documents.TheoremDocument document) =>
        Strategy ?? FirstSolverStrategy(document.Strategies) ?? Solvers.Strategy.Portfolio;

    private static Strategy? FirstSolverStrategy(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (StrategyParser.TryParse(name, out var named)) return named;
        }
        return null;
    }

    private static bool NamesGenetic(IEnumerable<string> names) =>
        names.Any(s => string.Equals(s.Trim(), GeneticStrategy, StringComparison.OrdinalIgnoreCase));

    /// <summary>The time limit of each goal of <paramref name="document"/>.</summary>
    public TimeSpan TimeoutFor(Documents.TheoremDocument document) =>
        Timeout ?? (document.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : DefaultTimeout);
}

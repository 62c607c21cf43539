using Hms.Interop.Bridge;
using Hms.Interop.Genetic;
using Hms.Proving.Compiling;
using Hms.Proving.Search;

namespace Hms.Interop.Bench;

/// <summary>
/// The prover's counterexample search done by <see cref="GeneticSearch"/> on a bridge of our own: what the silo's
/// <see cref="GeneticCounterexampleSearch"/> does over its LocalPythonBridge, without a silo.
/// </summary>
internal sealed class BridgeCounterexampleSearch(PythonBridge bridge, GeneticOptions options) : ICounterexampleSearch
{
    public const string Mark = "found by the genetic search";

    public async Task<SearchResult> SearchAsync(CompiledTheorem theorem, TimeSpan timeLimit, IProgress<SearchStep>? progress,
        CancellationToken cancellationToken)
    {
        var budget = options.TimeBudget < timeLimit ? options : options with { TimeBudget = timeLimit };
        var steps = progress is null ? null : new Progress<GeneticProgress>(p => progress.Report(new SearchStep(p.Generation, p.BestFitness)));
        var outcome = await new GeneticSearch(bridge).SearchAsync(theorem, budget, steps, cancellationToken);
        var found = outcome.Counterexample is { } c
            ? c with { Explanation = $"{c.Explanation} ({Mark} after {outcome.Generations} generations)" }
            : null;
        return new SearchResult(outcome.Status, found, outcome.Reason, outcome.Elapsed);
    }
}

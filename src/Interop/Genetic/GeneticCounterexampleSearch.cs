using Hms.Interop.Bridge;
using Hms.Proving.Compiling;
using Hms.Proving.Search;

namespace Hms.Interop.Genetic;

/// <summary>
/// The core's counterexample search, done by the genetic search on a Python bridge: the silo's own (so no Python
/// call leaves the machine), or any bridge a benchmark or tool started. The proof engine races it against the solvers.
/// </summary>
/// <param name="bridge">The bridge at the time of the call: the silo's may fail to start, and then says why.</param>
public sealed class GeneticCounterexampleSearch(Func<PythonBridge> bridge, GeneticOptions options) : ICounterexampleSearch
{
    /// <summary>What a counterexample's explanation says when this search found it.</summary>
    public const string Mark = "found by the genetic search";

    public async Task<SearchResult> SearchAsync(CompiledTheorem theorem, TimeSpan timeLimit, IProgress<SearchStep>? progress,
        CancellationToken cancellationToken)
    {
        var budget = options.TimeBudget < timeLimit ? options : options with { TimeBudget = timeLimit };
        var steps = progress is null ? null : new Progress<GeneticProgress>(p => progress.Report(new SearchStep(p.Generation, p.BestFitness)));
        var outcome = await new GeneticSearch(bridge()).SearchAsync(theorem, budget, steps, cancellationToken);
        var found = outcome.Counterexample is { } c
            ? c with { Explanation = $"{c.Explanation} ({Mark} after {outcome.Generations} generations)" }
            : null;
        return new SearchResult(outcome.Status, found, outcome.Reason, outcome.Elapsed);
    }
}

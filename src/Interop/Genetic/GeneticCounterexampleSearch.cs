using Hms.Interop.Orleans;
using Hms.Proving.Compiling;
using Hms.Proving.Search;
using Microsoft.Extensions.Options;

namespace Hms.Interop.Genetic;

/// <summary>
/// The core's counterexample search, done by the genetic search on this silo's own Python bridge. Registered by
/// the silo so the proof engine can race it against the solvers.
/// </summary>
public sealed class GeneticCounterexampleSearch(LocalPythonBridge local, IOptions<GeneticOptions> options) : ICounterexampleSearch
{
    public async Task<SearchResult> SearchAsync(CompiledTheorem theorem, TimeSpan timeLimit, IProgress<SearchStep>? progress,
        CancellationToken cancellationToken)
    {
        var budget = options.Value.TimeBudget < timeLimit ? options.Value : options.Value with { TimeBudget = timeLimit };
        var steps = progress is null ? null : new Progress<GeneticProgress>(p => progress.Report(new SearchStep(p.Generation, p.BestFitness)));
        var outcome = await new GeneticSearch(local.Bridge).SearchAsync(theorem, budget, steps, cancellationToken);
        var found = outcome.Counterexample is { } c
            ? c with { Explanation = $"{c.Explanation} (found by the genetic search after {outcome.Generations} generations)" }
            : null;
        return new SearchResult(outcome.Status, found, outcome.Reason, outcome.Elapsed);
    }
}

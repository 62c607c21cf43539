using System.Diagnostics;
using Hms.Interop.Bridge;
using Hms.Interop.Genetic;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Search;
using Hms.Proving.Solvers;

namespace Hms.Interop.Bench;

/// <summary>
/// Time to a validated counterexample on the false infix theorems of a corpus (<c>expected: disproved</c>), three
/// ways in one run: the genetic search alone (<see cref="GeneticSearch"/>, fixed seed), the solvers alone
/// (<see cref="TheoremProver"/> on a warm <see cref="SolverPool"/>), and both racing (the prover with the search
/// beside it, as the silo runs it with use_genetic_optimization). No proof cache: every run proves from scratch.
/// One untimed warm-up round of every theorem in every mode, then <c>repetitions</c> timed rounds; the order of the
/// modes rotates from theorem to theorem and round to round.
/// </summary>
internal sealed class CorpusBenchmark(PythonBridge bridge, SolverPool pool, int repetitions)
{
    /// <summary>The silo's defaults, with a fixed seed so that the search is reproducible.</summary>
    public static readonly GeneticOptions Genetic = new() { Seed = 1 };

    private static readonly CorpusMode[] Modes = [CorpusMode.Genetic, CorpusMode.Solvers, CorpusMode.Both];

    /// <summary>What the solver pool did during the timed runs of each mode.</summary>
    public Dictionary<CorpusMode, PoolCounts> Pool { get; } = Modes.ToDictionary(m => m, _ => new PoolCounts(0, 0, 0, 0, 0));

    /// <summary>The false infix theorems under <paramref name="folder"/>, in file order.</summary>
    public static IReadOnlyList<(TheoremDocument Document, string File)> Load(string folder, List<string> problems)
    {
        var theorems = new List<(TheoremDocument, string)>();
        foreach (var path in TheoremFileLoader.FindTheoremFiles(folder))
        {
            var file = TheoremFileLoader.Load(path);
            problems.AddRange(file.Errors.Select(e => $"{Path.GetFileName(path)}: {e}"));
            theorems.AddRange(file.Theorems
                .Where(t => t.Expected == ExpectedVerdict.Disproved && t.Format == TheoremFormat.Infix)
                .Select(t => (t, Path.GetFileName(path))));
        }
        return theorems;
    }

    public async Task<IReadOnlyList<CorpusTheorem>> RunAsync(IReadOnlyList<(TheoremDocument Document, string File)> theorems)
    {
        var solvers = new TheoremProver(new ObligationProver(pool));
        var both = new TheoremProver(new ObligationProver(pool), null, new GeneticCounterexampleSearch(() => bridge, Genetic));
        var results = theorems.Select(t => new CorpusTheorem(t.Document.Id, t.File, Variables(t.Document))).ToList();

        for (var round = 0; round <= repetitions; round++)
        {
            Console.Error.WriteLine(round == 0 ? "corpus: warm-up round ..." : $"corpus: round {round} of {repetitions} ...");
            for (var i = 0; i < theorems.Count; i++)
            {
                var document = theorems[i].Document;
                var result = results[i];
                for (var m = 0; m < Modes.Length; m++)
                {
                    var mode = Modes[(m + i + round) % Modes.Length];
                    // The search is deterministic for its seed: what it missed in the warm-up it misses again.
                    if (round > 0 && mode == CorpusMode.Genetic && !result.WarmUp[mode].Good) continue;
                    var before = PoolCounts.Read(pool.Statistics);
                    var run = mode switch
                    {
                        CorpusMode.Genetic => await SearchAloneAsync(document),
                        CorpusMode.Solvers => await ProveAsync(solvers, document, new ProofOptions()),
                        _ => await ProveAsync(both, document, new ProofOptions { UseGeneticOptimization = true }),
                    };
                    if (round == 0) result.WarmUp[mode] = run;
                    else
                    {
                        result.Timed[mode].Add(run);
                        Pool[mode] += PoolCounts.Read(pool.Statistics) - before;
                    }
                }
            }
        }
        return results;
    }

    private static int Variables(TheoremDocument document)
    {
        try
        {
            var program = SearchProgram.Compile(TheoremCompiler.Compile(document));
            return program.Supported ? program.SearchedCount : -1;
        }
        catch (TheoremInputException)
        {
            return -1;
        }
    }

    private async Task<CorpusRun> SearchAloneAsync(TheoremDocument document)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var theorem = TheoremCompiler.Compile(document);
            var limit = new ProofOptions().TimeoutFor(document);
            var options = Genetic.TimeBudget < limit ? Genetic : Genetic with { TimeBudget = limit };
            var outcome = await new GeneticSearch(bridge).SearchAsync(theorem, options);
            clock.Stop();
            var validated = outcome.Status == SearchStatus.Validated && outcome.Counterexample?.Validated == true;
            return new CorpusRun(clock.Elapsed.TotalMilliseconds, outcome.Status == SearchStatus.Validated, validated, "GA",
                validated ? $"{outcome.Generations} generations" : $"{outcome.Status}: {outcome.Reason}");
        }
        catch (TheoremInputException e)
        {
            return new CorpusRun(clock.Elapsed.TotalMilliseconds, false, false, "—", $"compile error: {e.Message}");
        }
    }

    private static async Task<CorpusRun> ProveAsync(TheoremProver prover, TheoremDocument document, ProofOptions options)
    {
        var clock = Stopwatch.StartNew();
        var result = await prover.ProveAsync(document, options);
        clock.Stop();
        var counterexample = result.Counterexample;
        var decidedBy = counterexample is null ? "—"
            : counterexample.Explanation.Contains(GeneticCounterexampleSearch.Mark, StringComparison.Ordinal) ? "GA"
            : result.Obligations.FirstOrDefault(o => o.Status == ObligationStatus.Disproved)?.Strategy ?? "?";
        var disproved = result.Status == TheoremStatus.Disproved;
        var validated = disproved && counterexample?.Validated == true;
        var detail = validated ? ""
            : $"{result.Status.ToString().ToUpperInvariant()}{(disproved ? ", counterexample not validated" : "")}: "
              + (result.Error ?? result.Obligations.FirstOrDefault(o => o.Status != ObligationStatus.Proved && o.Reason is not null)?.Reason ?? counterexample?.Explanation ?? "");
        return new CorpusRun(clock.Elapsed.TotalMilliseconds, disproved, validated, decidedBy, detail);
    }
}

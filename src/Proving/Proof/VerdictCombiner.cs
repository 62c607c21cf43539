using Hms.Proving.Compiling;
using Hms.Proving.Obligations;
using Hms.Proving.Search;

namespace Hms.Proving.Proof;

/// <summary>
/// Combines obligation results into the theorem's verdict: DISPROVED as soon as one obligation is (a
/// definedness failure is reported before a false claim), PROVED only when every claim and definedness
/// obligation is, otherwise UNKNOWN naming what is undecided. A vacuous theorem is PROVED with a warning.
/// </summary>
public static class VerdictCombiner
{
    public static TheoremResult Combine(CompiledTheorem theorem, IReadOnlyList<ObligationResult> results, TimeSpan elapsed,
        SearchResult? search = null)
    {
        var id = theorem.Document.Id;
        var goals = results.Where(r => r.Kind != ObligationKind.Consistency).ToList();
        var warnings = new List<string>(theorem.Warnings);
        var consistency = results.FirstOrDefault(r => r.Kind == ObligationKind.Consistency);
        if (consistency?.Status == ObligationStatus.Disproved)
            warnings.Add(VacuityWarning(theorem, consistency));
        if (search is { Status: SearchStatus.Failed })
            warnings.Add($"the genetic search failed: {search.Reason}");

        var refuted = goals.Where(r => r.Status == ObligationStatus.Disproved)
            .OrderBy(r => r.Kind == ObligationKind.WellDefinedness ? 0 : 1).FirstOrDefault();
        if (refuted is not null)
            return Result(TheoremStatus.Disproved, refuted.Counterexample, null);
        if (search is { Status: SearchStatus.Validated, Counterexample: { } found })
        {
            // An exactly checked counterexample against solvers that proved everything, or could not even read the
            // query, means the encoding and the exact semantics disagree: never pick a side silently.
            var contradicted = goals.Count > 0 && goals.All(g => g.Status == ObligationStatus.Proved);
            var broken = goals.Where(g => g.Status == ObligationStatus.Error).ToList();
            if (contradicted || broken.Count > 0)
                return Result(TheoremStatus.Error, found,
                    $"the genetic search found a counterexample that checks exactly ({found.Explanation}) but " +
                    (contradicted ? "the solvers proved every obligation" : string.Join("; ", broken.Select(e => $"{e.ObligationId}: {e.Reason}"))));
            return Result(TheoremStatus.Disproved, found, null);
        }

        var errors = goals.Where(r => r.Status == ObligationStatus.Error).ToList();
        if (errors.Count > 0)
            return Result(TheoremStatus.Error, null, string.Join("; ", errors.Select(e => $"{e.ObligationId}: {e.Reason}")));

        var cancelled = goals.Any(r => r.Status == ObligationStatus.Cancelled);
        var open = goals.Where(r => r.Status != ObligationStatus.Proved).ToList();
        if (open.Count > 0)
        {
            var status = cancelled ? TheoremStatus.Cancelled : TheoremStatus.Unknown;
            var reason = string.Join("; ", open.Select(o => $"{o.ObligationId} ({o.Description}) undecided: {o.Reason ?? o.Status.ToString().ToLowerInvariant()}"));
            // A numeric counterexample cannot refute the theorem, but an economist deciding what to do next wants to see it.
            if (search is { Status: SearchStatus.Numeric, Counterexample: { } evidence })
                return Result(status, evidence, $"{reason}; the genetic search found numeric evidence against it: {evidence.Explanation}");
            if (search is { Reason: { } searched })
                reason += $"; genetic search: {searched}";
            if (!cancelled && UndecidedAdvice.For(theorem, open) is { } advice)
                reason += $"; {advice}";
            return Result(status, null, reason);
        }
        // A proof from assumptions no solver showed satisfiable may be vacuous: never silent about it.
        if (consistency is { Status: not (ObligationStatus.Proved or ObligationStatus.Disproved) })
            warnings.Add(UnshownConsistencyWarning);
        return Result(TheoremStatus.Proved, null, null);

        TheoremResult Result(TheoremStatus status, Counterexample? counterexample, string? error)
        {
            var used = status == TheoremStatus.Proved
                ? goals.SelectMany(g => g.AssumptionsUsed).Distinct().Order()
                    .Where(i => i < theorem.Assumptions.Count)
                    .Select(i => theorem.Assumptions[i].Text).ToList()
                : [];
            return new TheoremResult(id, status, theorem.Complexity, results, counterexample, warnings, used, error, elapsed);
        }
    }

    /// <summary>The warning on a PROVED theorem whose consistency obligation was not decided.</summary>
    public const string UnshownConsistencyWarning = "the assumptions were not shown consistent (consistency: unknown)";

    private static string VacuityWarning(CompiledTheorem theorem, ObligationResult consistency)
    {
        var clash = consistency.AssumptionsUsed.Where(i => i < theorem.Assumptions.Count)
            .Select(i => $"{theorem.Assumptions[i].Role} '{theorem.Assumptions[i].Text}'").ToList();
        return clash.Count > 0
            ? $"vacuous: the assumptions are inconsistent ({string.Join(", ", clash)} cannot all hold)"
            : "vacuous: the assumptions are inconsistent";
    }
}

namespace Hms.Interop.Bench;

/// <summary>How a false theorem gets its counterexample: by the genetic search, by the solvers, or by both racing.</summary>
internal enum CorpusMode
{
    Genetic,
    Solvers,
    Both,
}

/// <summary>One attempt at one theorem in one mode.</summary>
/// <param name="Disproved">The verdict was DISPROVED (for the search alone: it came back with a counterexample).</param>
/// <param name="Validated">Its counterexample was re-checked in exact rational arithmetic.</param>
/// <param name="DecidedBy">Who produced the counterexample: "GA", or the solver that refuted an obligation.</param>
/// <param name="Detail">The status and reason when it was not a validated DISPROVED; generations for the search.</param>
internal sealed record CorpusRun(double Milliseconds, bool Disproved, bool Validated, string DecidedBy, string Detail)
{
    public bool Good => Disproved && Validated;
}

/// <summary>The runs of one theorem: the untimed warm-up of each mode, then the timed repetitions.</summary>
internal sealed class CorpusTheorem(string id, string file, int variables)
{
    public string Id { get; } = id;

    public string File { get; } = file;

    /// <summary>Variables the genetic search hunts over (the others follow from definitions); -1 when it cannot search this theorem.</summary>
    public int Variables { get; } = variables;

    public Dictionary<CorpusMode, CorpusRun> WarmUp { get; } = [];

    public Dictionary<CorpusMode, List<CorpusRun>> Timed { get; } = new()
    {
        [CorpusMode.Genetic] = [],
        [CorpusMode.Solvers] = [],
        [CorpusMode.Both] = [],
    };

    /// <summary>Median ms of the timed runs of a mode, when every one of them was a validated DISPROVED.</summary>
    public double? Median(CorpusMode mode)
    {
        var runs = Timed[mode];
        if (runs.Count == 0 || !runs.All(r => r.Good)) return null;
        var sorted = runs.Select(r => r.Milliseconds).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Who decided most often among the timed runs of a mode (all of them, when they differ: "GA 2, z3 1").</summary>
    public string DecidedBy(CorpusMode mode)
    {
        var groups = Timed[mode].Where(r => r.Good).GroupBy(r => r.DecidedBy).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return groups.Count switch
        {
            0 => "—",
            1 => groups[0].Key,
            _ => string.Join(", ", groups.Select(g => $"{g.Key} {g.Count()}")),
        };
    }
}

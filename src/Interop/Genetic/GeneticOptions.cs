using System.Globalization;
using System.Text.Json.Nodes;

namespace Hms.Interop.Genetic;

/// <summary>
/// How a genetic counterexample search runs. The defaults suit economic theorems of a handful of variables; a
/// fixed <see cref="Seed"/> makes a run reproducible (same generations, same candidates) as long as it is not
/// cut short by <see cref="TimeBudget"/>.
/// </summary>
public sealed record GeneticOptions
{
    public int PopulationSize { get; init; } = 256;

    /// <summary>Generations in all; the search ends earlier when it confirms a counterexample or runs out of time.</summary>
    public int MaxGenerations { get; init; } = 2000;

    /// <summary>Generations per call into Python: between calls progress is reported and cancellation checked.</summary>
    public int GenerationsPerSlice { get; init; } = 20;

    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    public long Seed { get; init; }

    /// <summary>Chance that a gene of a child mutates.</summary>
    public double MutationRate { get; init; } = 0.25;

    /// <summary>Share of mutations that draw a fresh value from the whole search box.</summary>
    public double LargeMutationRate { get; init; } = 0.1;

    public double CrossoverRate { get; init; } = 0.9;

    public double EliteFraction { get; init; } = 0.05;

    public int TournamentSize { get; init; } = 3;

    /// <summary>Best distinct individuals read back after each slice.</summary>
    public int CandidateRows { get; init; } = 16;

    /// <summary>
    /// Rows whose fitness is below this are checked exactly. Every violated comparison adds 1 to the fitness, so
    /// below 1 means every comparison holds in floating point, up to a relative 1e-9.
    /// </summary>
    public double CheckBelow { get; init; } = 1.0;

    /// <summary>Slices to go on looking for an exact counterexample once only a numeric one (sqrt, exp...) was found.</summary>
    public int SlicesAfterNumeric { get; init; } = 10;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PopulationSize, 2, nameof(PopulationSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PopulationSize, 1 << 20, nameof(PopulationSize));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxGenerations, nameof(MaxGenerations));
        ArgumentOutOfRangeException.ThrowIfLessThan(GenerationsPerSlice, 1, nameof(GenerationsPerSlice));
        ArgumentOutOfRangeException.ThrowIfLessThan(CandidateRows, 1, nameof(CandidateRows));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CandidateRows, 4096, nameof(CandidateRows));
        ArgumentOutOfRangeException.ThrowIfNegative(SlicesAfterNumeric, nameof(SlicesAfterNumeric));
        if (!(CheckBelow > 0)) throw new ArgumentOutOfRangeException(nameof(CheckBelow), "rows are checked below a positive fitness");
        if (TimeBudget <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeBudget), "the time budget must be positive");
    }

    /// <summary>The settings hms_bridge.ga reads (its DEFAULTS keys), with the early stop the runner chooses.</summary>
    internal string PythonOptions(double stopAt) => new JsonObject
    {
        ["mutation_rate"] = MutationRate,
        ["large_mutation_rate"] = LargeMutationRate,
        ["crossover_rate"] = CrossoverRate,
        ["elite_fraction"] = EliteFraction,
        ["tournament"] = TournamentSize,
        ["stop_at"] = stopAt,
    }.ToJsonString();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"population {PopulationSize}, {MaxGenerations} generations in slices of {GenerationsPerSlice}, {TimeBudget.TotalSeconds} s, seed {Seed}");
}

using Hms.Proving.Search;
using Hms.Proving.Proof;

namespace Hms.Interop.Genetic;

/// <summary>
/// What a genetic search found. <see cref="Counterexample"/> is set for <see cref="SearchStatus.Validated"/>
/// (Validated = true) and <see cref="SearchStatus.Numeric"/> (Validated = false, values approximate, with
/// <see cref="Margin"/>: how far the statement is from holding there, in the evaluator's distance).
/// <see cref="Reason"/> explains the outcome in a sentence.
/// </summary>
public sealed record GeneticOutcome(
    SearchStatus Status,
    Counterexample? Counterexample,
    double? Margin,
    string Reason,
    int Generations,
    long Evaluations,
    double BestFitness,
    TimeSpan Elapsed);

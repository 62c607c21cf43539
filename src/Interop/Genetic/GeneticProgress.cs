namespace Hms.Interop.Genetic;

/// <summary>After each slice of generations: how far the search got. Fitness 0 is a candidate counterexample.</summary>
public sealed record GeneticProgress(int Generation, double BestFitness, long Evaluations, TimeSpan Elapsed);

namespace Hms.Proving.Search;

/// <summary>How far a search has come: generations run and the best fitness so far (0 would be a refutation).</summary>
public sealed record SearchStep(int Generation, double BestFitness);

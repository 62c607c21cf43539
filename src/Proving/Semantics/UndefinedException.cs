namespace Hms.Proving.Semantics;

/// <summary>Evaluation reached an undefined expression, e.g. "px = 0 makes a*m/px undefined".</summary>
public sealed class UndefinedException(string explanation) : Exception(explanation);

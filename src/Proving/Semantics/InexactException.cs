namespace Hms.Proving.Semantics;

/// <summary>Exact evaluation is impossible here (an irrational value, an unbounded quantifier).</summary>
public sealed class InexactException(string reason) : Exception(reason);

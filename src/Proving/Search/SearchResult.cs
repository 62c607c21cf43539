using Hms.Proving.Proof;

namespace Hms.Proving.Search;

/// <summary>What a counterexample search came back with.</summary>
public sealed record SearchResult(SearchStatus Status, Counterexample? Counterexample, string? Reason, TimeSpan Elapsed);

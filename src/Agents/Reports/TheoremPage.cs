namespace Hms.Agents.Reports;

/// <summary>A page of list_theorems in id order; pass <see cref="NextPageToken"/> back for the next (null: last page).</summary>
public sealed record TheoremPage(IReadOnlyList<TheoremSummary> Theorems, string? NextPageToken);
